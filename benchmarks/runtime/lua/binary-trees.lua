-- binary-trees N: allocate and walk many short-lived complete binary trees
-- (garbage-collector and allocator load) and one long-lived tree. Prints a
-- line per depth and a checksum over all node counts.
local N = tonumber(arg and arg[1]) or 12

local function build(depth)
  if depth == 0 then
    return {}
  end
  depth = depth - 1
  return { build(depth), build(depth) }
end

local function count(t)
  local l = t[1]
  if l == nil then
    return 1
  end
  return 1 + count(l) + count(t[2])
end

local mindepth = 4
local maxdepth = math.max(mindepth + 2, N)
local sum = 0

local stretch = count(build(maxdepth + 1))
print(string.format("stretch depth %d nodes %d", maxdepth + 1, stretch))
sum = sum + stretch

local keep = build(maxdepth)
for depth = mindepth, maxdepth, 2 do
  local iterations = 1 << (maxdepth - depth + mindepth)
  local nodes = 0
  for _ = 1, iterations do
    nodes = nodes + count(build(depth))
  end
  print(string.format("%d trees of depth %d nodes %d", iterations, depth, nodes))
  sum = sum + nodes
end
local kept = count(keep)
print(string.format("long-lived depth %d nodes %d", maxdepth, kept))
sum = sum + kept
print(string.format("binary-trees %d checksum %d", N, sum))

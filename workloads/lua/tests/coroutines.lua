-- Coroutines: generators, pipelines, status, errors, close.
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local out = {}
for v in gen(5) do out[#out + 1] = v end
print(table.concat(out, " "))

local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "done", a + b + c + d + e
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 100, 1000))
print(coroutine.status(co), coroutine.resume(co))

-- producer / filter / consumer
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({"alpha", "beta", "gamma", "delta", "epsilon"}) do coroutine.yield(w) end
  end)
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return end
      if pred(v) then coroutine.yield(v:upper()) end
    end
  end)
end
local f = filter(producer(), function(w) return #w > 4 end)
while true do
  local _, v = coroutine.resume(f)
  if not v then break end
  io.write(v, " ")
end
print()

-- errors inside coroutines, yield across pcall
local bad = coroutine.create(function() coroutine.yield(1); error("inside") end)
print(coroutine.resume(bad)); print(coroutine.resume(bad)); print(coroutine.status(bad))
local bad2 = coroutine.create(function() error({code = 7}) end)
local ok, e = coroutine.resume(bad2)
print(ok, type(e), e.code)
local across = coroutine.wrap(function()
  local ok2, v = pcall(function() local x = coroutine.yield("from pcall"); return x * 2 end)
  coroutine.yield(tostring(ok2) .. " " .. v)
  return "end"
end)
print(across()); print(across(21)); print(across())
print(pcall(across))

print(coroutine.isyieldable(), select(2, coroutine.running()), type(coroutine.running()))
local inner = coroutine.wrap(function()
  local _, main = coroutine.running()
  return coroutine.isyieldable(), main
end)
print(inner())

-- coroutine.close and to-be-closed variables
local closed = {}
local c3 = coroutine.create(function()
  local res <close> = setmetatable({}, {__close = function() closed[#closed + 1] = "res" end})
  coroutine.yield(1)
  return 2
end)
print(coroutine.resume(c3))
print(coroutine.close(c3), coroutine.status(c3), table.concat(closed, ","))

-- many coroutines at once
local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function(x) local s = 0 while true do s = s + x; x = coroutine.yield(s) end end)
end
local total = 0
for round = 1, 10 do
  for i = 1, #cos do local _, s = coroutine.resume(cos[i], i + round); total = total + s end
end
print(total)

-- permutations generator
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local count, first = 0, nil
for p in coroutine.wrap(function() permgen({1, 2, 3, 4, 5}) end) do
  count = count + 1
  if count <= 3 then io.write(table.concat(p), " ") end
end
print(count)
print(select(2, coroutine.resume(coroutine.create(function() return coroutine.resume(coroutine.running()) end))))

-- A small Lua job for the deploy tests: everything it prints follows from
-- its argument N (a seed), so each cVM's output can be checked against the
-- native interpreter's. It writes and reads back /tmp/lua-N-TAG.txt, where
-- TAG (second argument) keeps concurrent cVMs sharing a root apart.
local n = math.tointeger(tonumber(arg[1])) or 1
local tag = arg[2] or "x"
local seed = n
local function rand(m) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % m end

local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"}
local t = {}
for i = 1, 2000 + n * 10 do t[i] = words[rand(#words) + 1] .. rand(100) end
table.sort(t)
local counts = {}
for _, w in ipairs(t) do local k = w:match("%a+"); counts[k] = (counts[k] or 0) + 1 end
local ks = {}
for k, c in pairs(counts) do ks[#ks + 1] = k .. "=" .. c end
table.sort(ks)
print("job", n, #t, t[1], t[#t])
print(table.concat(ks, " "))

local gen = coroutine.wrap(function() local a, b = 0, 1 for _ = 1, 40 + n % 20 do coroutine.yield(a) a, b = b, a + b end end)
local last
for v in gen do last = v end
print("fib", last)

local acc = {}
local function adder(k) return function(x) acc[#acc + 1] = x + k; return x + k end end
local s = 0
for i = 1, 100 do s = s + adder(i % 7)(i * n) end
print("closures", s, #acc)

local V = setmetatable({}, {__call = function(self, x, y) return setmetatable({x = x, y = y}, self) end})
V.__index = V
V.__add = function(a, b) return V(a.x + b.x, a.y + b.y) end
V.__tostring = function(a) return ("(%d,%d)"):format(a.x, a.y) end
local p = V(0, 0)
for i = 1, n + 10 do p = p + V(i, -i * 2) end
print("vector", tostring(p))

local name = ("/tmp/lua-%d-%s.txt"):format(n, tag)
local f = assert(io.open(name, "w"))
for i = 1, 500 do f:write(("%d:%s\n"):format(i * n, t[i])) end
f:close()
local sum, lines = 0, 0
for line in io.lines(name) do
  lines = lines + 1
  sum = sum + tonumber(line:match("^(%d+):"))
end
assert(os.remove(name))
print("file", lines, sum)
print("pcall", pcall(function() error(("job %d fails on purpose"):format(n), 0) end))
print("done", string.format("%.6f", math.sqrt(n) * math.pi), os.time({year = 2024, month = 1, day = 1 + n % 28, hour = 12}))

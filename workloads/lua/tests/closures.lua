-- Closures, upvalues, varargs, recursion, tail calls.
local function counter(start)
  local n = start
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter(10)
inc(); inc()
local inc2 = counter(100)
inc2()
print(get(), inc(), inc2())

local fs = {}
for i = 1, 5 do fs[i] = function() return i * 10 end end
print(fs[1](), fs[3](), fs[5]())
local gs, j = {}, 0
while j < 3 do j = j + 1; local k = j; gs[j] = function() k = k + 100; return k end end
print(gs[1](), gs[1](), gs[2](), gs[3]())

local function shared()
  local x = 0
  local function a() x = x + 1 return x end
  local function b() x = x * 10 return x end
  return a, b
end
local a, b = shared()
print(a(), b(), a(), b())

local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end
  return s, select("#", ...)
end
print(sum(), sum(1, 2, 3), sum(1, nil, 3))
local function pass(...) return ... end
print(pass(1, nil, 3), select(-1, 1, 2, 3), (pass(7, 8)))
local function vt(...) local t = {...} return #t, ... end
print(vt("a", "b"))

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(25))
local memo = {}
local function mfib(n)
  if n < 2 then return n end
  if memo[n] then return memo[n] end
  local v = mfib(n - 1) + mfib(n - 2); memo[n] = v; return v
end
print(mfib(90))

local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(1000000, 0))

local function compose(...)
  local fns = table.pack(...)
  return function(x)
    for i = fns.n, 1, -1 do x = fns[i](x) end
    return x
  end
end
local f = compose(function(x) return x + 1 end, function(x) return x * 2 end, math.abs)
print(f(-5))

local function curry(fn, n, ...)
  local args = table.pack(...)
  if args.n >= n then return fn(table.unpack(args, 1, args.n)) end
  return function(...)
    local more = table.pack(...)
    local all = {table.unpack(args, 1, args.n)}
    for i = 1, more.n do all[args.n + i] = more[i] end
    return curry(fn, n, table.unpack(all, 1, args.n + more.n))
  end
end
local add3 = curry(function(x, y, z) return x + y + z end, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1, 2, 3))

-- map/filter/reduce
local function map(t, fn) local r = {} for i, v in ipairs(t) do r[i] = fn(v) end return r end
local function filter(t, fn) local r = {} for _, v in ipairs(t) do if fn(v) then r[#r + 1] = v end end return r end
local function reduce(t, fn, acc) for _, v in ipairs(t) do acc = fn(acc, v) end return acc end
local xs = {}
for i = 1, 20 do xs[i] = i end
local evsq = map(filter(xs, function(v) return v % 2 == 0 end), function(v) return v * v end)
print(table.concat(evsq, " "), reduce(evsq, function(s, v) return s + v end, 0))

-- load with an environment, string.dump round trip
local env = {x = 5, print = print}
local chunk = load("y = x * 2; return y + 1", "chunk", "t", env)
print(chunk(), env.y, rawget(_G, "y"))
local dumped = string.dump(function(p, q) return p * q + 1 end)
print(load(dumped, "bin", "b")(6, 7))
print(load("syntax error here"))
local ok, g = pcall(load, "return ...")
print(ok, g(4, 5))

-- upvalue introspection
local up = 42
local function uses() return up end
print(debug.getupvalue(uses, 1))
debug.setupvalue(uses, 1, 43)
print(uses(), up)

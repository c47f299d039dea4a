-- Metatables and metamethods, classes, weak tables, __gc, __close.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec.__add(a, b) return Vec.new(a.x + b.x, a.y + b.y) end
function Vec.__sub(a, b) return Vec.new(a.x - b.x, a.y - b.y) end
function Vec.__mul(a, b)
  if type(a) == "number" then return Vec.new(a * b.x, a * b.y) end
  if type(b) == "number" then return Vec.new(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
function Vec.__unm(a) return Vec.new(-a.x, -a.y) end
function Vec.__eq(a, b) return a.x == b.x and a.y == b.y end
function Vec.__lt(a, b) return a:len2() < b:len2() end
function Vec.__le(a, b) return a:len2() <= b:len2() end
function Vec.__tostring(a) return "(" .. a.x .. ", " .. a.y .. ")" end
function Vec.__concat(a, b) return tostring(a) .. tostring(b) end
function Vec.__len(a) return 2 end
function Vec.__call(a, s) return Vec.new(a.x * s, a.y * s) end
function Vec:len2() return self.x * self.x + self.y * self.y end
local a, b = Vec.new(1, 2), Vec.new(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(2 * a), tostring(-a))
print(a == Vec.new(1, 2), a ~= b, a < b, b <= a, #a, a .. b, tostring(a(10)))

-- inheritance
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) local o = setmetatable({}, Animal); o.name = name; o.sound = sound; return o end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local o = Animal.new(name, "woof"); return setmetatable(o, Dog) end
function Dog:kind() return "dog, an " .. Animal.kind(self) end
local d = Dog.new("Rex")
print(d:speak(), d:kind(), getmetatable(d) == Dog, rawget(d, "speak"))

-- __index / __newindex functions, proxies, read-only tables
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set " .. k; store[k] = v end,
})
proxy.a = 1; proxy.b = proxy.a + 1; local _ = proxy.c
print(table.concat(log, "; "), store.b, rawget(proxy, "a"))
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function() error("read-only table", 2) end})
end
local ro = readonly({x = 1})
print(ro.x, pcall(function() ro.x = 2 end))

-- default values, __index chains
local defaults = setmetatable({}, {__index = function(t, k) return k * 2 end})
print(defaults[21], defaults[5])
local chain = setmetatable({}, {__index = setmetatable({lvl = 2}, {__index = {lvl3 = 3}})})
print(chain.lvl, chain.lvl3, chain.none)

-- arithmetic metamethods on a number-like type
local Frac = {}
Frac.__index = Frac
local function gcd(x, y) while y ~= 0 do x, y = y, x % y end return x end
local function frac(n, d) local g = gcd(n, d); return setmetatable({n = n // g, d = d // g}, Frac) end
Frac.__add = function(p, q) return frac(p.n * q.d + q.n * p.d, p.d * q.d) end
Frac.__div = function(p, q) return frac(p.n * q.d, p.d * q.n) end
Frac.__idiv = function(p, q) return (p.n * q.d) // (p.d * q.n) end
Frac.__mod = function(p, q) return "mod" end
Frac.__pow = function(p, e) local r = frac(1, 1) for _ = 1, e do r = frac(r.n * p.n, r.d * p.d) end return r end
Frac.__tostring = function(p) return p.n .. "/" .. p.d end
local h = frac(0, 1)
for i = 1, 10 do h = h + frac(1, i) end
print(tostring(h), tostring(frac(3, 4) / frac(1, 2)), frac(7, 2) // frac(1, 1), frac(1, 2) % frac(1, 3), tostring(frac(2, 3) ^ 3))
local Bits = setmetatable({}, {
  __band = function() return "band" end, __bor = function() return "bor" end,
  __bxor = function() return "bxor" end, __shl = function() return "shl" end,
  __shr = function() return "shr" end, __bnot = function() return "bnot" end,
})
print(Bits & 1, Bits | 1, Bits ~ 1, Bits << 1, Bits >> 1, ~Bits)
print(5 & 3, 5 | 3, 5 ~ 3, 1 << 10, 1024 >> 3, ~0)

-- __metatable protection, rawequal, rawset
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {}))
print(rawequal(a, Vec.new(1, 2)), rawequal(a, a))
local cnt = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 10) end})
cnt.x = 4
print(cnt.x)

-- string metatable
print(("abc"):upper(), getmetatable("").__index == string, #getmetatable("").__index.format("%5s", "x"))

-- weak tables and __gc
local weak = setmetatable({}, {__mode = "k"})
local keep = {}
weak[keep] = "kept"
weak[{}] = "dropped"
collectgarbage(); collectgarbage()
local n = 0
for _ in pairs(weak) do n = n + 1 end
print("weak entries", n, weak[keep])
local finalized = {}
do
  local obj = setmetatable({name = "obj1"}, {__gc = function(o) finalized[#finalized + 1] = o.name end})
  obj = nil
end
collectgarbage(); collectgarbage()
print("finalized", table.concat(finalized, ","))

-- to-be-closed variables, in order
local order = {}
do
  local x <close> = setmetatable({}, {__close = function() order[#order + 1] = "x" end})
  local y <close> = setmetatable({}, {__close = function(_, err) order[#order + 1] = "y" end})
  order[#order + 1] = "body"
end
print(table.concat(order, " "))
print(pcall(function()
  local z <close> = setmetatable({}, {__close = function(_, err) order[#order + 1] = "z:" .. tostring(err):match("boom") end})
  error("boom")
end))
print(order[#order])
local c <const> = 10
print(c * 2)

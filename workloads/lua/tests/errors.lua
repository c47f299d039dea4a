-- Error handling: error values and levels, pcall, xpcall, messages.
print(pcall(error, "plain"))
print(pcall(error, "no position", 0))
print(pcall(function() error("level 1") end))
local function lvl2() error("level 2", 2) end
print(pcall(function() lvl2() end))
print(select(2, pcall(error, {code = 42})).code)
print(select(2, pcall(error, setmetatable({}, {__tostring = function() return "custom" end}))))
print(pcall(error))
print(pcall(error, nil))

-- runtime errors and their messages
local function try(f, ...) local ok, e = pcall(f, ...) print(ok, e) end
try(function() local t = nil; return t.x end)
try(function() local t = {} return t.a.b end)
try(function() return 1 + {} end)
try(function() return "abc" + 1 end)
try(function() return #5 end)
try(function() return {} < {} end)
try(function() return 1 < "2" end)
try(function() local s = "x"; return s:nosuch() end)
try(function() undefinedglobal() end)
try(function() return 1 // 0 end)
try(function() return 1 % 0 end)
try(function() return math.tointeger(2^63) end)
try(function() return ("x"):rep(-1) end)
try(function() return type(string.rep) end)
try(function() return tostring(1 // 0.0) end)
try(function() return string.format("%d", 1.5) end)
try(function() return string.sub() end)
try(function() return setmetatable(1, {}) end)
try(function() return ipairs() end)
try(function() for i = 1, 10, 0 do end end)
try(function() local a <close> = 42 end)
try(function() return select(0) end)

-- assert
print(pcall(assert, false))
print(pcall(assert, nil, "assert message"))
print(pcall(assert, 1 == 1, "not shown"))
print(select("#", assert(1, 2, 3)))

-- xpcall with a traceback and with a handler
print(xpcall(function() error("with handler") end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
local function deep(n) if n == 0 then error("deep error") end return deep(n - 1) end
local ok, tb = xpcall(deep, debug.traceback, 3)
print(ok)
print(tb)
print(xpcall(function() error({}) end, function(e) return type(e) end))

-- nested pcall, errors in handlers, error objects through levels
print(pcall(pcall, error, "inner"))
print(xpcall(function() error("first") end, function() error("in handler") end))
local E = setmetatable({}, {__tostring = function(e) return "E(" .. e.msg .. ")" end})
local function raise(msg) error(setmetatable({msg = msg}, getmetatable(E))) end
local ok2, e2 = pcall(raise, "typed")
print(ok2, tostring(e2), e2.msg)

-- stack overflow and a recoverable state afterwards
local function rec() return 1 + rec() end
local ok3, e3 = pcall(rec)
print(ok3, (e3:gsub("^.-:%d+: ", "")))
print("still alive", pcall(function() return "yes" end))

-- errors in metamethods and coroutines
local mt = setmetatable({}, {__index = function(t, k) error("no field " .. k) end})
print(pcall(function() return mt.foo end))
local co = coroutine.create(function() local x = nil; return x.y end)
print(coroutine.resume(co))
-- warn
warn("@on")
warn("a warning ", "in parts")
-- the uncaught error at the end goes to stderr with lua's own traceback
-- and exit status 1
local function last() error("uncaught at the end") end
last()

-- os.time, os.date, os.clock, os.getenv, os.difftime (TZ=UTC for both runs).
local t0 = os.time({year = 2000, month = 1, day = 1, hour = 0})
print(t0, os.time({year = 2024, month = 2, day = 29, hour = 12, min = 30, sec = 15}))
print(os.time({year = 2023, month = 13, day = 1, hour = 0}), os.time({year = 2023, month = 3, day = 0}))
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%Y-%m-%d %H:%M:%S", 1700000000))
print(os.date("%Y-%m-%d %H:%M:%S %A %B %j %p", 1234567890))
print(os.date("!%c", 946684800), os.date("!%x %X", 946684800))
local d = os.date("*t", 1000000000)
local ks = {}
for k, v in pairs(d) do ks[#ks + 1] = k .. "=" .. tostring(v) end
table.sort(ks)
print(table.concat(ks, " "))
local u = os.date("!*t", 86400 * 365)
print(u.year, u.month, u.day, u.yday, u.wday, u.isdst)
print(os.difftime(t0 + 3600, t0), os.difftime(t0, t0 + 60))
local now = os.time()
print(type(now), math.type(now), now > 1600000000, os.date("%Y", now) >= "2023")
local c1 = os.clock()
local x = 0
for i = 1, 3000000 do x = x + i % 7 end
local c2 = os.clock()
print(type(c1), c1 >= 0, c2 >= c1, x)
print(os.getenv("TZ"), os.getenv("NOT_SET_ANYWHERE"))
print(pcall(os.date, "%Ez", 0))
print(pcall(os.time, {year = 2000}))
print(os.date("!%H:%M", 3600 * 5 + 60 * 7), os.date("!%y%m%d", 2^31))
local days = {}
for i = 0, 6 do days[#days + 1] = os.date("!%a", 86400 * (i + 3)) end
print(table.concat(days, " "))

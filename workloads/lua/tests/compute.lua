-- A little of everything at once: n-body, spectral norm, a sieve, string
-- building and a JSON-like serializer, with an optional size argument.
local n = tonumber(arg and arg[1]) or 1

local function nbody(steps)
  local PI, DAYS = math.pi, 365.24
  local SOLAR = 4 * PI * PI
  local bodies = {
    {0, 0, 0, 0, 0, 0, SOLAR},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS,
     9.54791938424326609e-04 * SOLAR},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS,
     2.85885980666130812e-04 * SOLAR},
  }
  local function energy()
    local e = 0
    for i = 1, #bodies do
      local b = bodies[i]
      e = e + 0.5 * b[7] * (b[4] * b[4] + b[5] * b[5] + b[6] * b[6])
      for j = i + 1, #bodies do
        local c = bodies[j]
        local dx, dy, dz = b[1] - c[1], b[2] - c[2], b[3] - c[3]
        e = e - b[7] * c[7] / math.sqrt(dx * dx + dy * dy + dz * dz)
      end
    end
    return e
  end
  local e0 = energy()
  for _ = 1, steps do
    for i = 1, #bodies do
      local b = bodies[i]
      for j = i + 1, #bodies do
        local c = bodies[j]
        local dx, dy, dz = b[1] - c[1], b[2] - c[2], b[3] - c[3]
        local d2 = dx * dx + dy * dy + dz * dz
        local mag = 0.01 / (d2 * math.sqrt(d2))
        b[4], b[5], b[6] = b[4] - dx * c[7] * mag, b[5] - dy * c[7] * mag, b[6] - dz * c[7] * mag
        c[4], c[5], c[6] = c[4] + dx * b[7] * mag, c[5] + dy * b[7] * mag, c[6] + dz * b[7] * mag
      end
    end
    for i = 1, #bodies do
      local b = bodies[i]
      b[1], b[2], b[3] = b[1] + 0.01 * b[4], b[2] + 0.01 * b[5], b[3] + 0.01 * b[6]
    end
  end
  return e0, energy()
end
print(string.format("nbody %.9f %.9f", nbody(20000 * n)))

local function spectral(N)
  local function A(i, j) local ij = i + j - 1; return 1.0 / (ij * (ij - 1) * 0.5 + i) end
  local function Av(x, y) for i = 1, N do local a = 0 for j = 1, N do a = a + x[j] * A(i, j) end y[i] = a end end
  local function Atv(x, y) for i = 1, N do local a = 0 for j = 1, N do a = a + x[j] * A(j, i) end y[i] = a end end
  local u, v, t = {}, {}, {}
  for i = 1, N do u[i] = 1 end
  for _ = 1, 10 do Av(u, t); Atv(t, v); Av(v, t); Atv(t, u) end
  local vBv, vv = 0, 0
  for i = 1, N do vBv = vBv + u[i] * v[i]; vv = vv + v[i] * v[i] end
  return math.sqrt(vBv / vv)
end
print(string.format("spectral %.9f", spectral(100 * n)))

local function sieve(N)
  local composite, count, last = {}, 0, 0
  for i = 2, N do
    if not composite[i] then
      count, last = count + 1, i
      for j = i * i, N, i do composite[j] = true end
    end
  end
  return count, last
end
print("sieve", sieve(200000 * n))

local function serialize(v, indent)
  indent = indent or ""
  if type(v) == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local parts = {}
    for _, k in ipairs(keys) do
      parts[#parts + 1] = indent .. "  " .. string.format("%q", tostring(k)) .. ": " .. serialize(v[k], indent .. "  ")
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  elseif type(v) == "string" then
    return string.format("%q", v)
  else
    return tostring(v)
  end
end
local doc = {name = "orc", version = 1.5, tags = {"a", "b", "c"}, nested = {deep = {deeper = {x = 1, y = false}}}}
print(serialize(doc))

local parts = {}
for i = 1, 20000 * n do parts[#parts + 1] = string.char(65 + i % 26) end
local s = table.concat(parts)
local freq = {}
for ch in s:gmatch(".") do freq[ch] = (freq[ch] or 0) + 1 end
print("chars", #s, freq.A, freq.Z, s:sub(1, 30))
local h = 0
for i = 1, #s do h = (h * 31 + s:byte(i)) % 4294967296 end
print("hash", h)

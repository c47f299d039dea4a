-- n-body STEPS: a five-body gravitational system (a sun and four outer
-- planets, units of AU, years / 365.24 and solar masses) advanced with a
-- symplectic Euler step of 0.01. Prints the total energy before and after.
-- A body is an array (indices X .. M), not a record: field lookups by
-- string would go through Lua's string hash, whose seed mixes in the time
-- and addresses, and make instruction counts differ from run to run (so
-- is math.sqrt, a lookup in two tables by string: a local instead).
local STEPS = tonumber(arg and arg[1]) or 100000

local PI = 3.141592653589793
local SOLAR_MASS = 4 * PI * PI
local DAYS = 365.24

local X <const>, Y <const>, Z <const> = 1, 2, 3
local VX <const>, VY <const>, VZ <const>, M <const> = 4, 5, 6, 7
local sqrt = math.sqrt

local function body(x, y, z, vx, vy, vz, m)
  return { x, y, z, vx * DAYS, vy * DAYS, vz * DAYS, m * SOLAR_MASS }
end

local bodies = {
  body(0, 0, 0, 0, 0, 0, 1),
  body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
       1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
       9.54791938424326609e-04),
  body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
       -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
       2.85885980666130812e-04),
  body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
       2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
       4.36624404335156298e-05),
  body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
       2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
       5.15138902046611451e-05),
}
local n = #bodies

-- total momentum to zero: the sun moves against the planets
do
  local px, py, pz = 0, 0, 0
  for i = 1, n do
    local b = bodies[i]
    px, py, pz = px + b[VX] * b[M], py + b[VY] * b[M], pz + b[VZ] * b[M]
  end
  local s = bodies[1]
  s[VX], s[VY], s[VZ] = -px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS
end

local function energy()
  local e = 0
  for i = 1, n do
    local a = bodies[i]
    e = e + 0.5 * a[M] * (a[VX] * a[VX] + a[VY] * a[VY] + a[VZ] * a[VZ])
    for j = i + 1, n do
      local b = bodies[j]
      local dx, dy, dz = a[X] - b[X], a[Y] - b[Y], a[Z] - b[Z]
      e = e - a[M] * b[M] / sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local function advance(dt)
  for i = 1, n do
    local a = bodies[i]
    local ax, ay, az, am = a[X], a[Y], a[Z], a[M]
    local avx, avy, avz = a[VX], a[VY], a[VZ]
    for j = i + 1, n do
      local b = bodies[j]
      local dx, dy, dz = ax - b[X], ay - b[Y], az - b[Z]
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * sqrt(d2))
      local bm = b[M] * mag
      avx, avy, avz = avx - dx * bm, avy - dy * bm, avz - dz * bm
      local am2 = am * mag
      b[VX], b[VY], b[VZ] = b[VX] + dx * am2, b[VY] + dy * am2, b[VZ] + dz * am2
    end
    a[VX], a[VY], a[VZ] = avx, avy, avz
  end
  for i = 1, n do
    local b = bodies[i]
    b[X], b[Y], b[Z] = b[X] + dt * b[VX], b[Y] + dt * b[VY], b[Z] + dt * b[VZ]
  end
end

print(string.format("n-body %d energy before %.9f", STEPS, energy()))
for _ = 1, STEPS do
  advance(0.01)
end
print(string.format("n-body %d energy after %.9f", STEPS, energy()))

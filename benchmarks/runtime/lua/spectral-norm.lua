-- spectral-norm N: the largest singular value of the infinite matrix
-- a(i,j) = 1 / ((i+j)(i+j+1)/2 + i + 1), truncated to N x N, by ten steps of
-- power iteration on A^T A. Prints it to nine decimals.
local N = tonumber(arg and arg[1]) or 100

local function a(i, j)
  local s = i + j
  return 1.0 / (s * (s + 1) // 2 + i + 1)
end

-- out = A v   (indices from 0)
local function mul_av(v, out)
  for i = 0, N - 1 do
    local s = 0.0
    for j = 0, N - 1 do
      s = s + a(i, j) * v[j]
    end
    out[i] = s
  end
end

-- out = A^T v
local function mul_atv(v, out)
  for i = 0, N - 1 do
    local s = 0.0
    for j = 0, N - 1 do
      s = s + a(j, i) * v[j]
    end
    out[i] = s
  end
end

local function mul_atav(v, out, tmp)
  mul_av(v, tmp)
  mul_atv(tmp, out)
end

local u, v, tmp = {}, {}, {}
for i = 0, N - 1 do
  u[i] = 1.0
end
for _ = 1, 10 do
  mul_atav(u, v, tmp)
  mul_atav(v, u, tmp)
end
local vbv, vv = 0.0, 0.0
for i = 0, N - 1 do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("spectral-norm %d %.9f", N, math.sqrt(vbv / vv)))

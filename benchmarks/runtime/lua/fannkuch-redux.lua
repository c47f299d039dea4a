-- fannkuch-redux N [ROUNDS]: for every permutation of 1..N (in the order of
-- a counting-based generator), count the prefix reversals ("pancake flips")
-- until 1 is in front. Prints the signed checksum (+flips for even
-- permutation indices, -flips for odd ones) and the maximum. ROUNDS
-- (default 1) repeats the whole computation, which must give the same
-- result each time (N + 1 would take N + 1 times as long).
local N = tonumber(arg and arg[1]) or 9
local ROUNDS = tonumber(arg and arg[2]) or 1

local function fannkuch()
  local perm, work, cnt = {}, {}, {}
  for i = 1, N do
    perm[i] = i
    cnt[i] = 0
  end

  local checksum, maxflips, index = 0, 0, 0
  while true do
    -- flips of the current permutation
    local first = perm[1]
    if first ~= 1 then
      for i = 1, N do
        work[i] = perm[i]
      end
      local flips = 0
      local k = first
      repeat
        local lo, hi = 1, k
        while lo < hi do
          work[lo], work[hi] = work[hi], work[lo]
          lo = lo + 1
          hi = hi - 1
        end
        flips = flips + 1
        k = work[1]
      until k == 1
      if flips > maxflips then
        maxflips = flips
      end
      if index % 2 == 0 then
        checksum = checksum + flips
      else
        checksum = checksum - flips
      end
    end
    -- next permutation: rotate the first i+1 elements left, counting
    local i = 1
    while true do
      if i >= N then
        return string.format("checksum %d maxflips %d permutations %d", checksum, maxflips, index + 1)
      end
      local p1 = perm[1]
      for j = 1, i do
        perm[j] = perm[j + 1]
      end
      perm[i + 1] = p1
      cnt[i] = cnt[i] + 1
      if cnt[i] <= i then
        break
      end
      cnt[i] = 0
      i = i + 1
    end
    index = index + 1
  end
end

local result = fannkuch()
for _ = 2, ROUNDS do
  assert(fannkuch() == result, "rounds differ")
end
print(string.format("fannkuch-redux %d rounds %d %s", N, ROUNDS, result))

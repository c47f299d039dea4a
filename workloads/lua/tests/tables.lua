-- Tables: arrays, hashes, the table library, sorting.
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, " ")
end

local t = {10, 20, 30, x = 1, y = 2, [100] = "far", ["key with space"] = true}
print(#t, t[1], t.x, t[100], t["key with space"], keys(t))
table.insert(t, 40); table.insert(t, 1, 5)
print(#t, table.concat(t, ","))
print(table.remove(t), table.remove(t, 1), #t, table.concat(t, ","))
print(table.unpack({1, 2, 3})); print(table.unpack({1, 2, 3, 4, 5}, 2, 4))
print(select("#", table.unpack({1, nil, 3}, 1, 3)))
local packed = table.pack(1, nil, 3, nil)
print(packed.n, packed[1], packed[3])
local moved = table.move({1, 2, 3, 4, 5}, 2, 4, 1)
print(table.concat(moved, ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 3, {}), ",", 3, 5))

local nums = {}
for i = 1, 200 do nums[i] = (i * 7919) % 1009 end
table.sort(nums)
print(nums[1], nums[2], nums[100], nums[200])
table.sort(nums, function(a, b) return a > b end)
print(nums[1], nums[2], nums[100], nums[200])

local people = {
  {name = "Ann", age = 31}, {name = "Bob", age = 25}, {name = "Cid", age = 31},
  {name = "Dee", age = 19}, {name = "Eve", age = 25},
}
table.sort(people, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  return a.name < b.name
end)
for _, p in ipairs(people) do io.write(p.name, "(", p.age, ") ") end
print()

-- group by, word counts (sorted output: pairs order is not fixed)
local text = [[the cat and the hat and the bat sat on the mat with a cat]]
local counts = {}
for w in text:gmatch("%a+") do counts[w] = (counts[w] or 0) + 1 end
local ws = {}
for w, c in pairs(counts) do ws[#ws + 1] = {w, c} end
table.sort(ws, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
for i = 1, 5 do io.write(ws[i][1], "=", ws[i][2], " ") end
print()

-- nested tables and a matrix
local m = {}
for i = 1, 4 do m[i] = {} for j = 1, 4 do m[i][j] = (i - 1) * 4 + j end end
local function mul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return r
end
local p = mul(m, m)
for i = 1, 4 do print(table.concat(p[i], " ")) end

-- a big array and a big hash
local big, sum = {}, 0
for i = 1, 100000 do big[i] = i * 2 end
for i = 1, #big do sum = sum + big[i] end
print(#big, sum)
local h = {}
for i = 1, 50000 do h["k" .. i] = i end
local hs, hn = 0, 0
for k, v in pairs(h) do hs = hs + v; hn = hn + 1 end
print(hn, hs, h.k12345)
for i = 1, 50000, 2 do h["k" .. i] = nil end
hn = 0
for _ in pairs(h) do hn = hn + 1 end
print(hn, h.k1, h.k2)

-- holes, next, rawlen, integer/float keys
local holes = {1, 2, nil, 4}
print(rawlen({1, 2, 3}), next({}), holes[4], type(next({a = 1})))
local f = {}
f[1] = "int"; f[1.0] = "float one"; f[2.5] = "float"
print(f[1], f[2.5], keys(f))
print(#{n = 1}, #"", #{nil}, #{1, 2, 3, nil})

-- a queue and a stack
local q = {first = 1, last = 0}
local function push(v) q.last = q.last + 1; q[q.last] = v end
local function pop() local v = q[q.first]; q[q.first] = nil; q.first = q.first + 1; return v end
for i = 1, 5 do push(i * i) end
print(pop(), pop(), q.last - q.first + 1)

-- table.concat errors and sort errors
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.sort, {3, 1, "x"}))
print(pcall(table.insert, {1, 2}, 5, 0))

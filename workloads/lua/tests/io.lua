-- The io library on files in the working directory (the cVM's root).
local name = "io-test.txt"
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdout), io.type(42))
f:write("line one\n", "line two\n", 3, " ", 4.5, "\n")
f:write(string.rep("x", 10000), "\n")
f:write("12 34.5 0x10 -7\n")
f:write("last line without newline")
print(f:seek("cur"), f:seek("end"), f:seek("set", 5))
f:close()
print(io.type(f), pcall(f.write, f, "x"))

f = assert(io.open(name, "r"))
print(f:read("l")); print(f:read("L")); print(f:read("n", "n"))
print(#f:read("l"), f:read("n", "n", "n", "n"))
print(f:read("l")); print(f:read("a")); print(f:read("a"), f:read("l"), f:read(0))
f:close()

local n = 0
for line in io.lines(name) do n = n + 1 end
print("lines", n)
for a, b in io.lines(name, 4, 5) do print(a, b) break end
local cnt = 0
for c in io.lines(name, 1000) do cnt = cnt + #c end
print("bytes", cnt)

f = assert(io.open(name, "a")); f:write("\nappended"); f:close()
f = assert(io.open(name, "rb")); local all = f:read("a"); f:close()
print(#all, all:sub(-8))
f = assert(io.open(name, "r+")); f:seek("set", 0); f:write("LINE"); f:close()
f = io.open(name); print(f:read("l")); f:close()

-- numbers, binary data, seek/read around
f = assert(io.open("bin.dat", "wb"))
for i = 0, 255 do f:write(string.char(i)) end
f:write(string.pack("<i4d", 123456, 0.25))
f:close()
f = assert(io.open("bin.dat", "rb"))
print(f:seek("end"), f:seek("set", 250))
print(f:read(6):byte(1, -1))
print(string.unpack("<i4d", f:read(12)))
print(f:read(1), f:seek("cur"))
f:close()

-- setvbuf, flush, lines with "n"
f = assert(io.open("nums.txt", "w"))
f:setvbuf("full", 1024)
for i = 1, 100 do f:write(i * 1.5, "\n") end
f:flush()
f:close()
local s = 0
for v in io.lines("nums.txt", "n") do s = s + v end
print("sum", s)

-- io.output / io.input redirection
io.output("out.txt"); io.write("via io.write ", 1, " ", 2, "\n"); io.close(); io.output(io.stdout)
io.input("out.txt"); print(io.read("a")); io.close(io.input()); io.input(io.stdin)

-- directories, rename, remove, errors
print(os.rename("out.txt", "moved.txt"), io.open("out.txt") == nil)
print(select(2, io.open("does-not-exist.txt")))
print(io.open("does-not-exist.txt", "r"))
print(pcall(io.open, name, "rz"))
print(select("#", io.open("/no/such/dir/file", "w")), select(3, io.open("/no/such/dir/file", "w")))
print(os.remove("moved.txt"), os.remove("moved.txt"))
print(os.remove(name), os.remove("bin.dat"), os.remove("nums.txt"))
local tmp = os.tmpname()
f = assert(io.open(tmp, "w")); f:write("tmp"); f:close()
f = assert(io.open(tmp)); print("tmpfile", f:read("a")); f:close()
print(os.remove(tmp))

-- many files at once
local files = {}
for i = 1, 20 do files[i] = assert(io.open("many" .. i .. ".txt", "w")); files[i]:write(("%d\n"):format(i * i)) end
for i = 1, 20 do files[i]:close() end
local total = 0
for i = 1, 20 do
  local g = io.open("many" .. i .. ".txt"); total = total + g:read("n"); g:close(); os.remove("many" .. i .. ".txt")
end
print("many files", total)
io.stdout:write("stdout:write ", "works\n")
io.stderr:write("this goes to stderr\n")

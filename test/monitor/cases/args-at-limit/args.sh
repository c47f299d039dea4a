# Two arguments that, with "prog" and the default PATH, fill the limit
# exactly: 65536 bytes = "prog\0" (5) + 32,708 + 32,709 bytes with their
# NULs + the default PATH (66 with its NUL) + 6 pointers of 8 (argv's three
# and its NULL, envp's one and its NULL).
for k in 1 2; do
  python3 -c "k = $k; print(''.join(chr(97 + (j + k) % 26) for j in range(32706 + k)))"
done

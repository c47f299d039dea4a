# Two arguments that, with "prog", fill the limit exactly: 65536 bytes =
# "prog\0" (5) + 32,745 + 32,746 bytes with their NULs + 5 pointers of 8
# (argv's three and its NULL, envp's NULL).
for k in 1 2; do
  python3 -c "k = $k; print(''.join(chr(97 + (j + k) % 26) for j in range(32743 + k)))"
done

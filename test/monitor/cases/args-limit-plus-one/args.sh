# One byte more than args-at-limit: 65537 bytes.
for k in 1 2; do
  python3 -c "k = $k; print(''.join(chr(97 + (j + k) % 26) for j in range(32706 + 2 * k - 1)))"
done

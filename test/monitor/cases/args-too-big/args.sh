# Three arguments of 100 KB each (issue 12: this crashed the monitor).
for k in 1 2 3; do
  python3 -c "print('x' * 100000)"
done

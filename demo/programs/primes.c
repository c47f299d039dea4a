/* A compute tenant: counts primes below a bound with a sieve in heap
 * memory, keeps a running total in global state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long found;

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  char *sieve = calloc((size_t)n + 1, 1);
  for (long i = 2; i <= n; i++) {
    if (sieve[i])
      continue;
    found++;
    for (long j = i * i; j <= n; j += i)
      sieve[j] = 1;
  }
  free(sieve);
  printf("%ld primes below %ld\n", found, n);
  return 0;
}

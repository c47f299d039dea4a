/* malloc-heavy: many sizes, frees in odd orders, realloc growth, calloc. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  enum { N = 4000 };
  static char *p[N];
  unsigned long sum = 0;
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < N; i++) {
      size_t sz = (size_t)((i * 7919 + round * 31) % 2048) + 1;
      p[i] = malloc(sz);
      memset(p[i], i & 0xff, sz);
    }
    for (int i = 0; i < N; i += 2)
      free(p[i]);
    for (int i = 1; i < N; i += 2) {
      p[i] = realloc(p[i], 4096 + (size_t)i);
      sum += (unsigned char)p[i][0];
    }
    for (int i = 1; i < N; i += 2)
      free(p[i]);
  }
  char *big = malloc(8 << 20);
  memset(big, 1, 8 << 20);
  big = realloc(big, 16 << 20);
  sum += (unsigned char)big[(8 << 20) - 1];
  free(big);
  int *z = calloc(1000, sizeof *z);
  for (int i = 0; i < 1000; i++)
    sum += (unsigned)z[i];
  free(z);
  printf("sum %lu\n", sum);
  return 0;
}

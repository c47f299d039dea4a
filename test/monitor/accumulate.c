/* Keeps running totals in global state while other cVMs of the same
 * program do the same with other inputs; yields often so that they
 * interleave. Prints what its own state says at the end. */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static long total;            /* .bss */
static long steps = 0;        /* .data */
static long history[64];
static long *last = history;  /* a pointer into its own state */

int main(int argc, char **argv) {
  long n = atol(argv[1]);
  for (int i = 0; i < 64; i++) {
    total += n * i;
    steps++;
    *last++ = total;
    if (i % 4 == 0)
      sched_yield();
  }
  long check = 0;
  for (int i = 0; i < 64; i++)
    check += history[i] % 1000;
  printf("n=%ld total=%ld steps=%ld check=%ld\n", n, total, steps, check);
  return 0;
}

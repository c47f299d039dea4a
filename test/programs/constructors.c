/* 300 constructors and 300 destructors in one program, more than the
 * 255 the monitor once passed to the runtime: every one runs, constructors
 * in the order they are defined, destructors in the reverse order. */
#include <stdio.h>

static int ran[300], nran, bad_order;
static int dran, bad_dorder;

static void ctor(int i) {
  __asm__ volatile("" ::: "memory"); /* not evaluated at compile time */
  bad_order += nran && i != ran[nran - 1] + 1;
  if (nran < 300)
    ran[nran++] = i;
}

static void dtor(int i) {
  bad_dorder += i != 399 - dran;
  if (++dran == 300) /* the last: the first one defined */
    printf("%d destructors ran, %s\n", dran,
           bad_dorder ? "out of order" : "in reverse order");
}

// clang-format off
#define ONE(i)                                                                 \
  __attribute__((constructor)) static void c##i(void) { ctor(i); }            \
  __attribute__((destructor)) static void d##i(void) { dtor(i); }
#define TEN(n) ONE(n##0) ONE(n##1) ONE(n##2) ONE(n##3) ONE(n##4) ONE(n##5) \
  ONE(n##6) ONE(n##7) ONE(n##8) ONE(n##9)
#define HUNDRED(n) TEN(n##0) TEN(n##1) TEN(n##2) TEN(n##3) TEN(n##4) TEN(n##5) \
  TEN(n##6) TEN(n##7) TEN(n##8) TEN(n##9)
HUNDRED(1) HUNDRED(2) HUNDRED(3)
// clang-format on

int main(void) {
  printf("%d constructors ran, first %d, last %d, %s\n", nran, ran[0],
         nran ? ran[nran - 1] : 0, bad_order ? "out of order" : "in order");
  fflush(stdout);
  return 0;
}

// The shared view: a pointer into shared data (a string literal, in the
// code zone below 4 GiB) reaches the same bytes at W + its low 32 bits;
// a store there faults and kills the cVM.
#include "rt.h"
static const char lit[] = "shared";
int main(int argc, char **argv) {
  const char *p = lit;
  unsigned long a = (unsigned long)p;
  unsigned char b;
  out(a >= (2UL << 30) && a < (4UL << 30) ? "literal in the code zone\n"
                                          : "literal elsewhere\n");
  __asm__ volatile("movb %%gs:(%k1), %0" : "=q"(b) : "r"(a));
  out(b == 's' ? "view reads it\n" : "view reads something else\n");
  __asm__ volatile("movb $1, %%gs:(%k0)" ::"r"(a) : "memory");
  out("the view is writable\n");
  return 0;
}

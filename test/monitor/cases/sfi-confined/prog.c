// In SFI form (docs/sfi.md M1) an address is W + its low 32 bits, whatever
// its upper bits say: a pointer aimed at the next window's capability
// table reads this cVM's own table, and a store through a pointer aimed
// at the next window lands in this cVM's read-only table and faults,
// killing this cVM only. (Built without SFI, the read would reach the
// next window's memory or fault: this case fails there.)
#include "rt.h"
int main(int argc, char **argv) {
  unsigned long w;
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w));
  volatile unsigned long *next = (volatile unsigned long *)(w + (4ul << 30) + 0x10008);
  out(*next == w ? "read this cVM's own table\n" : "read another window\n");
  volatile unsigned long *monitor = (volatile unsigned long *)(0x7f0000000000ul + 0x10008);
  out(*monitor == w ? "read this cVM's own table again\n" : "read the monitor\n");
  out("storing\n");
  *next = 0x4141414141414141ul;
  out("the store went through\n");
  return 0;
}

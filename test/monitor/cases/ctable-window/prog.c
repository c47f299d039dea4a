// The capability table, read through GS at its place in the window
// (W + 64 KiB), holds the gate in slot 0 and the window's base W in slot
// 1; W is the 4 GiB-aligned base of the window the cVM's stack lies in.
#include "rt.h"
int main(int argc, char **argv) {
  unsigned long gate, w, local = (unsigned long)&argc;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w));
  out(gate ? "slot 0: the gate\n" : "slot 0: empty\n");
  out(w && w == (local & ~0xffffffffUL) ? "slot 1: W\n" : "slot 1: not W\n");
  out(w >= (6UL << 30) && (w & 0xffffffffUL) == 0 ? "W: 4 GiB-aligned, above 6 GiB\n"
                                                  : "W: misplaced\n");
  return 0;
}

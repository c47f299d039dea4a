// A cVM points GS at junk and calls the gate directly (its address read
// from the table before): the gate finds the thread without GS, serves
// the hostcall, and on its way back finds GS is not the window: putting
// it right faults on the junk, and the fault ends this cVM only.
#include "rt.h"
int main(int argc, char **argv) {
  gate_fn gate;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  out("calling the gate with a junk GS\n");
  __asm__ volatile("wrgsbase %0" ::"r"(0x0000123456789000UL) : "memory");
  gate(1, 1, (long)"served\n", 7, 0, 0, 0);
  out("returned\n");
  return 0;
}

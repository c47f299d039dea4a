// A cVM points GS at junk, then faults: the fault handler finds the
// thread without GS, reports the fault and kills this cVM; the monitor
// lives on to say so.
#include "rt.h"
int main(int argc, char **argv) {
  out("faulting with a junk GS\n");
  __asm__ volatile("wrgsbase %0" ::"r"(0x0000123456789000UL) : "memory");
  *(volatile int *)0x10 = 1;
  return 0;
}

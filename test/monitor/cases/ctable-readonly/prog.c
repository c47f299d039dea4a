// The capability table is read-only to the cVM: a store into its slot 0
// (the gate) through GS faults and kills the cVM, not the monitor.
#include "rt.h"
int main(int argc, char **argv) {
  out("storing\n");
  __asm__ volatile("movq $0x41414141, %%gs:0x10000" ::: "memory");
  out("the table is writable\n");
  return 0;
}

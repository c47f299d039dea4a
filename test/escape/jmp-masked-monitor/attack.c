/* An indirect jump and an indirect call through a register holding a
 * monitor address (the gate + 16, and the gate itself), built by orc-as,
 * which masks the register (docs/sfi.md C1: andl $-32 clears the upper 32
 * bits and the low 5). Must be contained: the target is a low address
 * (unmapped, or cVM text in the code zone), never the monitor: SIGSEGV. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long gate;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  say("jumping to ", gate + 16);
  if (argc > 2)
    __asm__ volatile("call *%0" : : "r"(gate) : "memory");
  __asm__ volatile("jmp *%0" : : "r"(gate + 16) : "memory");
  out("ESCAPED: came back\n");
  end(0);
}

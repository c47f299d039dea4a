/* `ret` into monitor code, built through orc-as: push the gate's address
 * + 16 (past the gate's entry, a monitor address above 4 GiB) and `ret`.
 * orc-as turns the ret into popq %r11; andl $-32, %r11d; jmp *%r11
 * (docs/sfi.md C3): the target becomes a bundle start below 4 GiB, where
 * only cVM text executes. Must be contained: the jump lands at the masked
 * low address (unmapped: SIGSEGV), never in the monitor. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long gate;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  say("returning to ", gate + 16);
  say("which the mask makes ", (gate + 16) & 0xffffffe0u);
  __asm__ volatile("push %0\n ret" : : "r"(gate + 16) : "memory");
  out("ESCAPED: came back\n");
  end(0);
}

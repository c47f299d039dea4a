/* `popf` (9d) setting the trap flag (0x100): single-stepping cVM code hands
 * control to the signal path between any two instructions. Must fail:
 * section 6. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "push $0x302\n"
                   ".byte 0x9d\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

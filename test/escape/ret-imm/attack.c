/* `ret $8` (c2 08 00), which orc-as does not accept either: it reads the
 * target from the stack unmasked. The pushed target is the victim's
 * window. Must fail: C3 refuses every form of ret. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "push %0\n push %0\n"
                   ".byte 0xc2, 0x08, 0x00\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

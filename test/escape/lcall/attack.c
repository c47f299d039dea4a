/* A far `lcall *%gs:(%esp)` (65 67 ff 1c 24): a far call with a forged
 * target. Must fail: section 6. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "push $0x33\n push %0\n"
                   ".byte 0x65, 0x67, 0xff, 0x1c, 0x24\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* A far `ljmp *%gs:(%esp)` (65 67 ff 2c 24) through a forged far pointer
 * (offset, selector): changes %cs and leaves the masked control flow.
 * Must fail: section 6 refuses far transfers. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "push $0x33\n push %0\n"
                   ".byte 0x65, 0x67, 0xff, 0x2c, 0x24\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

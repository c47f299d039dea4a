/* `lss` (0f b2): loads %ss and %rsp together from memory, a segment write
 * and an unchecked stack pivot in one. Must fail (section 6). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "sub $16, %%rsp\n"
                   ".byte 0x65, 0x67, 0x0f, 0xb2, 0x24, 0x24\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

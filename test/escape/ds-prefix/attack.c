/* `mov %ds:(%edi), %eax` with the 67 prefix: a %ds override (ignored in
 * 64-bit mode, so a flat 32-bit address) that a decoder could confuse
 * with M1. Must fail: Zydis drops the ignored prefix and sees a flat
 * (%edi) operand, refused by M1 (section 3 refuses the prefix itself). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rdi\n"
                   ".byte 0x3e, 0x67, 0x8b, 0x07\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* A raw `rep stosq` (f3 48 ab) over the victim's secret: an implicit
 * %es:%rdi destination. Must fail: section 6. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rdi\n mov $4, %%ecx\n xor %%eax, %%eax\n"
                   ".byte 0xf3, 0x48, 0xab\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

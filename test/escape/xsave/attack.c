/* `xsave %gs:(%eax)` (65 67 0f ae 20): a memory access of hundreds of bytes,
 * past the 64-byte bound that M3/M4 rely on. Must fail: section 6 (xsave is in no allowed category; M5 would refuse
 * its size too). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov $-1, %%eax\n mov $-1, %%edx\n"
                   ".byte 0x65, 0x67, 0x0f, 0xae, 0x20\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* `lock cmpxchg16b (%rdi)` on the victim's secret: a 16-byte compare and
 * swap at an unconfined address. Must fail: M1 (allowed only in %gs:
 * form). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rdi\n xor %%eax, %%eax\n xor %%edx, %%edx\n xor %%ebx, %%ebx\n xor %%ecx, %%ecx\n"
                   ".byte 0xf0, 0x48, 0x0f, 0xc7, 0x0f\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

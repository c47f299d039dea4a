/* `wrfsbase %rax` (f3 48 0f ae d0) pointing FS at the victim's secret, so
 * that the M4 form %fs:0 reads it. Must fail: section 6 refuses it. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rax\n"
                   ".byte 0xf3, 0x48, 0x0f, 0xae, 0xd0\n"
                   "mov %%fs:0, %%rax\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

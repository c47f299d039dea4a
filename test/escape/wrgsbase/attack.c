/* `wrgsbase %rax` (f3 48 0f ae d8) with the victim's window: every M1
 * access would then read the victim. Must fail: section 6 refuses it
 * (and this CPU without FSGSBASE would raise #UD). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rax\n shr $32, %%rax\n shl $32, %%rax\n"
                   ".byte 0xf3, 0x48, 0x0f, 0xae, 0xd8\n"
                   "mov %%gs:0x10008, %%rax\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* `mov %ax, %gs` (8e e8): loading a selector resets the GS base (to 0 for
 * the null selector), moving M1 out from under the window. Must fail:
 * section 6 refuses writes to segment registers. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "xor %%eax, %%eax\n"
                   ".byte 0x8e, 0xe8\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

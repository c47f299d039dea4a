/* `mov %gs:(%rdi), %rax` with 64-bit addressing and %rdi = 4 GiB - W + the
 * victim's address: GS + a 64-bit register reaches any window. Must
 * fail: M1 requires the 67 prefix (32-bit offsets from W). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rdi\n sub %%gs:0x10008, %%rdi\n"
                   ".byte 0x65, 0x48, 0x8b, 0x07\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

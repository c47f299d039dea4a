/* `int $0x80` (cd 80), the 32-bit system call entry, from cVM code: the
 * kernel without the monitor. Must fail: section 6 refuses `int n`. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov $4, %%eax\n mov $1, %%ebx\n mov %0, %%rcx\n mov $32, %%edx\n"
                   ".byte 0xcd, 0x80\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

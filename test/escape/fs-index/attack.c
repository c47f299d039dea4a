/* `mov %fs:(%rdi), %rax` with %rdi = 4 GiB: FS plus a register reaches the
 * next window (or anywhere). Must fail: M4 refuses %fs: with a base. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov $0x100000000, %%rdi\n"
                   ".byte 0x64, 0x48, 0x8b, 0x07\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* A pivot by `lea -8(%rsp,%rdi,1), %rsp` (48 8d 64 3c f8) with %rdi = -4 GiB:
 * the stack pointer one window down, onto the victim's stack, then a push
 * there -- without the re-basing orc-as would add (case lea-pivot). Must
 * fail: S3. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov $-0x100000000, %%rdi\n"
                   ".byte 0x48, 0x8d, 0x64, 0x3c, 0xf8, 0x50\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

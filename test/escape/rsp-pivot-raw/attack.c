/* A stack pivot without the re-basing: `mov %rdi, %rsp` (48 89 fc) with the
 * victim's secret in %rdi, then `pop %rax` reads it and `push` would
 * overwrite it. orc-as would re-base the pivot into this window; these are
 * raw bytes. Must fail: S3, a %rsp write must be followed by movl %esp,
 * %esp; addq %gs:0x10008, %rsp. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rdi\n add $8, %%rdi\n"
                   ".byte 0x48, 0x89, 0xfc, 0x58, 0x50\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

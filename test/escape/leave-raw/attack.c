/* A raw `leave` (c9) with %rbp at the victim's secret: %rsp = %rbp, then
 * pop. orc-as rewrites leave with the re-basing; this byte is raw. Must
 * fail: S3 (the verifier refuses enter and leave). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %%rbp, %%r8\n mov %0, %%rbp\n"
                   ".byte 0xc9\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

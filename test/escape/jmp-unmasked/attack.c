/* `jmp *%rax` (ff e0) with no mask, %rax = the gate's address + 16 (monitor
 * code past its entry). Must fail: C1, every indirect branch is
 * `andl $-32` of its register then the branch, in one bundle. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %%gs:0x10000, %%rax\n add $16, %%rax\n"
                   ".byte 0xff, 0xe0\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

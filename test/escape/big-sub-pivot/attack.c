/* A big `sub` on %rsp: sub %rdi, %rsp with %rdi = 4 GiB moves the stack
 * pointer exactly one window down, onto the victim's stack at the same
 * offset; then a push would write there. orc-as re-bases the sub (docs/
 * sfi.md S3), so %rsp comes back to the same own address and the push
 * writes the attacker's own stack. Must be contained: %rsp unchanged by
 * the sub, the pushed word read back from the own stack. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long before, after, got;
  __asm__ volatile("mov %%rsp, %0\n sub %3, %%rsp\n sub $0x7fffffff, %%rsp\n add $0x7fffffff, %%rsp\n"
                   "mov %%rsp, %1\n push $0x5a5a\n pop %2\n mov %0, %%rsp"
                   : "=&r"(before), "=&r"(after), "=&r"(got) : "r"(4 * GiB) : "memory");
  say("before ", before);
  say("after  ", after);
  out(before == after && got == 0x5a5a ? "the sub folded back onto my own stack\n"
                                       : "ESCAPED: the sub moved the stack out\n");
  end(0);
}

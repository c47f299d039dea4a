/* A pivot through `leave`: %rbp = this stack pointer - 4 GiB - 64, the
 * victim's stack at the same offset one window down, then leave (%rsp =
 * %rbp; pop %rbp) would read the victim's stack word into %rbp. orc-as
 * rewrites leave as movl %ebp, %esp; addq %gs:0x10008, %rsp; popq %rbp
 * (docs/sfi.md S3), so the pivot lands in the attacker's own window. Must
 * be contained: %rsp after it is in the own window, nothing read is the
 * victim's (or the attacker faults alone). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long w = own_window(), sp, v;
  __asm__ volatile("mov %%rsp, %%r12\n mov %%rbp, %%r13\n lea -64(%%rsp,%2,1), %%rbp\n leave\n"
                   "mov %%rsp, %0\n mov %%rbp, %1\n mov %%r12, %%rsp\n mov %%r13, %%rbp"
                   : "=&r"(sp), "=&r"(v) : "r"(-4 * GiB) : "r12", "r13", "memory");
  say("after leave %rsp = ", sp);
  out(sp - w < 4 * GiB ? "pivot landed in my own window\n" : "ESCAPED: pivot left my window\n");
  say("popped ", v);
  end(0);
}

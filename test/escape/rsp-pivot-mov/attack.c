/* A stack pivot by register move toward the victim: `mov %rdi, %rsp` with
 * %rdi = the victim's secret + 8, then `pop` would read the secret and
 * `push` overwrite it. Built by orc-as, which re-bases every %rsp write
 * (docs/sfi.md S3: movl %esp, %esp; addq %gs:0x10008, %rsp), so the pivot
 * lands at the same offset in the attacker's own window. Must be
 * contained: the printed %rsp after the pivot is in the attacker's own
 * window, and what the pop reads is not the victim's (if that offset is
 * unmapped here, the attacker faults alone). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv) + 8, w = own_window(), sp, v;
  __asm__ volatile("mov %%rsp, %%r12\n mov %2, %%rsp\n mov %%rsp, %0\n mov %%r12, %%rsp"
                   : "=r"(sp) : "0"(0ul), "r"(target) : "r12", "memory");
  say("after the pivot %rsp = ", sp);
  out(sp - w < 4 * GiB ? "pivot landed in my own window\n" : "ESCAPED: pivot left my window\n");
  __asm__ volatile("mov %%rsp, %%r12\n mov %1, %%rsp\n pop %%rax\n push %%rax\n mov %%r12, %%rsp\n mov %%rax, %0"
                   : "=r"(v) : "r"(target) : "r12", "rax", "memory");
  say("popped ", v);
  end(0);
}

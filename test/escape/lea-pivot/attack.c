/* A pivot through `lea`: %rsp = %rdi + 4 GiB, one window up (the victim
 * is one window down, so the attacker aims at the neighbour above, where
 * a third cVM would live) and then -8 GiB, the victim. orc-as re-bases
 * the lea like any %rsp write (docs/sfi.md S3). Must be contained: after
 * each lea %rsp is in the attacker's own window, 4 GiB apart from nothing:
 * both land on the same own address. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long w = own_window(), a, b, base;
  __asm__ volatile("mov %%rsp, %2\n lea 0x10(%%rsp,%3,1), %%rsp\n mov %%rsp, %0\n"
                   "mov %2, %%rsp\n neg %3\n lea 0x10(%%rsp,%3,2), %%rsp\n mov %%rsp, %1\n"
                   "mov %2, %%rsp"
                   : "=&r"(a), "=&r"(b), "=&r"(base) : "r"(4 * GiB) : "memory");
  say("lea +4 GiB: ", a);
  say("lea -8 GiB: ", b);
  out(a - w < 4 * GiB && b - w < 4 * GiB && a == b && a == base + 0x10
          ? "both pivots landed in my own window\n"
          : "ESCAPED: a pivot left my window\n");
  end(0);
}

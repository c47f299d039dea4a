/* A VSIB gather with a crafted index: vpgatherdd with 32-bit lanes
 * base + index*1, the base the victim's window below and the indices the
 * offsets of the secret's eight dwords, built by orc-as, which puts every gather in M1 form
 * (docs/sfi.md M5: %gs: with 32-bit addressing, so each lane is W + a
 * 32-bit offset). Must be contained: every lane reads the attacker's own
 * window (or faults there), never the victim's. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv);
  unsigned int off = (unsigned int)target;
  int idx[8], lanes[8];
  for (int i = 0; i < 8; i++)
    idx[i] = (int)(off + 4 * (unsigned)i); /* the secret's eight dwords */
  __asm__ volatile("vmovdqu %1, %%ymm1\n"
                   "vpcmpeqd %%ymm2, %%ymm2, %%ymm2\n vpxor %%ymm0, %%ymm0, %%ymm0\n"
                   "vpgatherdd %%ymm2, (%2,%%ymm1,1), %%ymm0\n vmovdqu %%ymm0, %0\n vzeroupper"
                   : "=m"(lanes) : "m"(idx), "r"(target - off) : "xmm0", "xmm1", "xmm2", "memory");
  for (int i = 0; i < 8; i += 2)
    say("lanes ", (unsigned int)lanes[i] | (unsigned long)(unsigned int)lanes[i + 1] << 32);
  end(0);
}

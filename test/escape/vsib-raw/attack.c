/* A VSIB gather without %gs: `vpgatherqq %ymm2, (,%ymm1,1), %ymm0` whose
 * 64-bit index lanes hold the victim's addresses: each lane an
 * unconfined address. Must fail: M5 (orc-as form: case vsib-sfi). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "vmovq %0, %%xmm1\n vpbroadcastq %%xmm1, %%ymm1\n vpcmpeqd %%ymm2, %%ymm2, %%ymm2\n"
                   ".byte 0xc4, 0xe2, 0xed, 0x91, 0x04, 0x0d, 0x00, 0x00, 0x00, 0x00\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* `ret` into monitor code: push the gate's address (slot 0, a monitor
 * address above 4 GiB) plus 16 bytes, into the middle of the gate, and
 * return to it -- unmasked, past the gate's entry. Must fail: C3, no
 * `ret` in cVM code (orc-as turns it into pop, mask, jump; this one is a
 * raw c3 byte). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %%gs:0x10000, %%rax\n add $16, %%rax\n push %%rax\n"
                   ".byte 0xc3\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

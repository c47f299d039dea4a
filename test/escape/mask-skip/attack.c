/* A jump into the middle of a masked sequence: skip_mask (mask-skip.s,
 * assembled by clang's own assembler) jumps directly to the `jmp *%r11`
 * of an `andl $-32, %r11d; jmp *%r11` pair, past its mask, with %r11 = the
 * gate + 16 (monitor code). Must fail: B3, a direct branch may not enter a
 * locked sequence other than at its first instruction. */
#include "attack.h"

void skip_mask(unsigned long target);

int main(int argc, char **argv) {
  unsigned long gate;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  out("attacker: skipping the mask\n");
  skip_mask(gate + 16);
  out("ESCAPED: came back\n");
  end(0);
}

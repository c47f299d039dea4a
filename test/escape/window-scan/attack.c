/* Reading another cVM's memory by guessing its window: the attacker loads
 * from where the victim's secret would be in the window below, then from
 * W + k * 4 GiB + x for k = -4..4, where x is the offset of a word of its
 * own. M1 (docs/sfi.md) makes every access %gs: with 32-bit addressing,
 * so each address folds to W + its low 32 bits: every guess reads this
 * cVM's own window, never the victim's; a store through a guess changes
 * this cVM's own word. (At the victim's offset its own window holds its
 * own state, as the victim's does: both programs' state starts the
 * region.) The harness checks that nothing it prints is the secret.
 * Built without SFI (ORC_ESCAPE_NOSFI=1) the first guess prints the
 * victim's secret. */
#include "attack.h"

volatile unsigned long mark = 0x1111111111111111ul;

int main(int argc, char **argv) {
  unsigned long w = own_window(), x = (unsigned long)&mark - w;
  out("guessing the victim's secret\n");
  volatile unsigned long *s = (volatile unsigned long *)victim_secret(argv);
  for (int i = 0; i < 4; i++)
    say("read ", s[i]);
  for (long k = -4; k <= 4; k++) {
    volatile unsigned long *p = (volatile unsigned long *)(w + k * 4 * GiB + x);
    say("read ", *p);
    *p = 0x4141414141414141ul + (unsigned long)k;
    if (mark != 0x4141414141414141ul + (unsigned long)k)
      out("ESCAPED: the store did not land in my own window\n");
  }
  end(0);
}

/* The victim of every escape case: a cVM holding a secret that no other
 * cVM may read or change. It draws 32 random bytes (getrandom), keeps them
 * in its state (the global `secret`, in its own window) and a second copy
 * on its stack, creates /ready in the image (attackers wait for it, so
 * that they attack the secret, not the value before it), then waits until the harness
 * creates /go in the image (the attacker has ended) or 4 s have passed,
 * comparing the two copies every 2 ms. At its end it prints the secret and
 * whether it is intact; the harness checks that no attacker output holds
 * it. Built through orc-as like any SFI program (it must verify).
 *   victim          the run above
 *   victim where    prints the secret's offset in the window (hex), so that
 *                   an attacker that gets past SFI knows where to aim */
#include "rt.h"

volatile unsigned long secret[4] = {1, 2, 3, 4};

static void hex(unsigned long v) {
  char b[17];
  for (int i = 15; i >= 0; i--, v >>= 4)
    b[i] = "0123456789abcdef"[v & 15];
  b[16] = 0;
  out(b);
}

static int same(const unsigned long *copy) {
  for (int i = 0; i < 4; i++)
    if (secret[i] != copy[i])
      return 0;
  return 1;
}

int main(int argc, char **argv) {
  unsigned long w;
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w)); /* slot 1: W */
  if (argc > 1 && argv[1][0] == 'w') {
    hex((unsigned long)secret - w);
    out("\n");
    return 0;
  }
  unsigned long copy[4];
  if (HC3(318, copy, sizeof copy, 0) != sizeof copy) { /* getrandom */
    out("victim: no random bytes\n");
    return 1;
  }
  for (int i = 0; i < 4; i++)
    secret[i] = copy[i];
  long fd = hc(257, -100, (long)"/ready", 0101, 0644, 0, 0); /* O_WRONLY|O_CREAT */
  if (fd >= 0)
    HC3(3, fd, 0, 0);
  out("victim: running\n");
  int changed = 0;
  struct { long s, ns; } tick = {0, 2000000};
  for (int i = 0; i < 2000 && !changed; i++) { /* 2000 x 2 ms */
    if (HC3(21, "/go", 0, 0) == 0) /* access("/go", F_OK) */
      break;
    HC3(35, &tick, 0, 0); /* nanosleep */
    changed = !same(copy);
  }
  changed |= !same(copy);
  out(changed ? "victim: secret CHANGED " : "victim: secret intact ");
  for (int i = 0; i < 4; i++)
    hex(secret[i]);
  out("\n");
  return changed ? 3 : 0;
}

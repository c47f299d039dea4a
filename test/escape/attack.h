/* Helpers for the attackers of test/escape (on test/monitor/rt.h): the
 * window base, hex output, the victim's secret's address as an attacker
 * that knew the victim's program and guessed its window would compute it,
 * and the line the harness waits for. */
#ifndef ORC_ESCAPE_ATTACK_H
#define ORC_ESCAPE_ATTACK_H
#include "rt.h"

#define GiB (1ul << 30)

static inline unsigned long own_window(void) {
  unsigned long w;
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w)); /* slot 1 */
  return w;
}

static inline void hex(unsigned long v) {
  char b[19];
  b[0] = '0', b[1] = 'x';
  for (int i = 17; i >= 2; i--, v >>= 4)
    b[i] = "0123456789abcdef"[v & 15];
  b[18] = 0;
  out(b);
}

static inline void say(const char *s, unsigned long v) {
  out(s);
  hex(v);
  out("\n");
}

static inline unsigned long parse_hex(const char *s) {
  unsigned long v = 0;
  for (; *s; s++)
    v = v * 16 + (unsigned long)(*s <= '9' ? *s - '0' : (*s | 32) - 'a' + 10);
  return v;
}

/* The victim starts first, so its window is the slot below ours (windows
 * are handed out upward from 8 GiB): W - 4 GiB, plus the offset the
 * harness passes (the victim's program, run alone, prints it). Waits
 * until the victim has drawn its secret (it creates /ready). */
static inline unsigned long victim_secret(char **argv) {
  struct { long s, ns; } ms = {0, 1000000};
  for (int i = 0; i < 3000 && HC3(21, "/ready", 0, 0) != 0; i++)
    HC3(35, &ms, 0, 0); /* until the victim holds its secret (3 s at most) */
  return own_window() - 4 * GiB + parse_hex(argv[1]);
}

static inline __attribute__((noreturn)) void end(int status) {
  out("attacker: end\n");
  rt_exit(status);
}
#endif

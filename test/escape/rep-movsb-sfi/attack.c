/* `rep movsb` from the victim's secret into a local buffer, and `rep stosb`
 * over the victim's secret, written in inline assembly and built through
 * orc-as, which rewrites both into loops of M1 accesses (docs/sfi.md
 * section 3): each byte's address is W + the low 32 bits of %rsi/%rdi, so
 * both copies touch only the attacker's own window. Must be contained:
 * what is copied is not the victim's (or the attacker faults alone at that
 * offset of its own window); the victim's secret is unchanged. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), buf[4] = {0};
  void *s = (void *)target, *d = buf;
  unsigned long n = 32;
  __asm__ volatile("rep movsb" : "+S"(s), "+D"(d), "+c"(n) : : "memory");
  for (int i = 0; i < 4; i++)
    say("copied ", buf[i]);
  d = (void *)target, n = 32;
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0x41) : "memory");
  out("stored\n");
  end(0);
}

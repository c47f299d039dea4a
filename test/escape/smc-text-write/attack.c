/* Self-modifying code: a store through a pointer to the attacker's own
 * text (a code-zone address, below 4 GiB), to plant a raw `syscall` after
 * the verifier has passed the text. M1 makes the store W + the code
 * address, the read-only shared view; the text itself is never writable.
 * Must be contained: SIGSEGV, the attacker alone dies. */
#include "attack.h"

__attribute__((noinline)) static void victim_fn(void) { out("victim_fn ran\n"); }

int main(int argc, char **argv) {
  volatile unsigned char *p = (volatile unsigned char *)(unsigned long)&victim_fn;
  say("patching ", (unsigned long)p);
  p[0] = 0x0f;
  p[1] = 0x05;
  out("ESCAPED: the text is writable\n");
  victim_fn();
  end(0);
}

/* A store into the shared view, W + 2 GiB + x: the code zone's bytes
 * again, the same pages every cVM executes -- the victim's code and
 * read-only data among them. Writing the attacker's own main there would
 * patch shared code. The view is mapped read-only (docs/sfi.md section 1).
 * Must be contained: SIGSEGV, the attacker alone dies. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long w = own_window();
  unsigned long code = (unsigned long)&main & 0xffffffffu; /* in [2 GiB, 4 GiB) */
  volatile unsigned char *p = (volatile unsigned char *)(w + code);
  say("the view holds my code at ", (unsigned long)p);
  say("first byte ", *p);
  *p = 0xcc;
  out("ESCAPED: the view is writable\n");
  end(0);
}

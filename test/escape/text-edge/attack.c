/* Text that does not end on a bundle edge (text-edge.s: three bytes after
 * the last bundle): the last bundle cannot be decoded whole, and what
 * follows the segment's end in its page would run on from it. Must fail:
 * B1, the text is a whole number of 32-byte bundles. */
#include "attack.h"

void tail3(void);

int main(int argc, char **argv) {
  out("attacker: running the short tail\n");
  tail3();
  out("ESCAPED: came back\n");
  end(0);
}

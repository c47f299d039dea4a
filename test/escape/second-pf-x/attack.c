/* A second executable segment: the section "orc_evil" (second-pf-x.s,
 * "ax", a raw `syscall`) is linked at 256 KiB (ldflags: --section-start),
 * apart from .text, so the linked program has two PF_X segments (lld puts
 * this one first; .text's is the second). docs/sfi.md B1 says a cVM object
 * has exactly one; the verifier and the loader check every PF_X segment.
 * Must fail: the segment is refused (section 6). */
#include "attack.h"

void evil(unsigned long p);

int main(int argc, char **argv) {
  out("attacker: calling into the second executable segment\n");
  evil(victim_secret(argv));
  out("ESCAPED: came back\n");
  end(0);
}

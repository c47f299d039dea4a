// mremap moves pages with their contents and protection, as on Linux,
// whatever that protection is. (The monitor used to copy them itself with
// the cVM's lock held: from a PROT_NONE page that faulted and hung.)
#include "guest.h"
int main(int argc, char **argv) {
  char *p = map_pages(1, PROT_READ | PROT_WRITE);
  p[0] = 'x';
  protect(p, 4096, PROT_NONE);
  char *q = (char *)hc(25, (long)p, 4096, 3 * 4096, 1 /* MAYMOVE */, 0, 0);
  show("moved", q != p && (long)q > 0);
  /* Still PROT_NONE: the monitor may not read it either. */
  show("write from PROT_NONE", HC3(1, 1, q, 1));
  show("mprotect", protect(q, 3 * 4096, PROT_READ));
  show("contents kept", q[0] == 'x' && q[8192] == 0);
  show("getcwd into the read-only move", HC3(79, q, 64, 0));
  show("old address unmapped", HC3(1, 1, p, 1));
  show("shrink", hc(25, (long)q, 3 * 4096, 4096, 0, 0, 0) == (long)q);
  show("shrink read-only", hc(25, (long)map_pages(2, PROT_READ) , 8192, 4096, 0, 0, 0) > 0);
  char *m = map_pages(2, PROT_READ);
  protect(m + 4096, 4096, PROT_NONE);
  show("across protections", hc(25, (long)m, 8192, 16384, 1, 0, 0));
  return 0;
}

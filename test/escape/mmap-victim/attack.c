/* Memory hostcalls aimed at the victim's window: mmap(MAP_FIXED) over the
 * victim's secret, mremap(MREMAP_FIXED) of an own page onto it, munmap and
 * mprotect(PROT_NONE) of its page, madvise(MADV_DONTNEED) to zero it. The
 * monitor places every mapping itself and folds every address into the
 * caller's window (docs/monitor.md). Must be contained: each call is
 * refused or acts on the attacker's own window; the victim's secret is
 * unchanged and still readable by the victim. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long p = victim_secret(argv), page = p & ~4095ul;
  say("mmap MAP_FIXED = ", (unsigned long)hc(9, (long)page, 4096, 3, 0x32, -1, 0));
  unsigned long mine = (unsigned long)hc(9, 0, 4096, 3, 0x22, -1, 0);
  say("mremap MREMAP_FIXED = ", (unsigned long)hc(25, (long)mine, 4096, 4096, 3, (long)page, 0));
  say("mprotect PROT_NONE = ", (unsigned long)HC3(10, page, 4096, 0));
  say("madvise DONTNEED = ", (unsigned long)HC3(28, page, 4096, 4));
  say("munmap = ", (unsigned long)HC3(11, page, 4096, 0));
  end(0);
}

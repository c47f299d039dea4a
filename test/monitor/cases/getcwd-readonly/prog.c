// getcwd into a read-only page answers EFAULT, as on Linux, and the cVM
// goes on. (The monitor's copy used to fault with the cVM's lock held and
// the fault handler wait for that lock: `orc run` hung.)
#include "guest.h"
int main(int argc, char **argv) {
  char *p = map_pages(1, PROT_READ);
  show("getcwd into read-only", HC3(79, p, 64, 0));
  char buf[64];
  long n = HC3(79, buf, sizeof buf, 0);
  show("getcwd into the stack", n);
  out(buf);
  out("\n");
  return 0;
}

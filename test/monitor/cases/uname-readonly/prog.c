// uname into a read-only page answers EFAULT and the cVM goes on (it used
// to be killed "in the monitor, serving a hostcall"); so do the other
// structures the monitor fills: clock_gettime, gettimeofday,
// rt_sigprocmask's old mask, rt_sigaction's old action.
#include "guest.h"
int main(int argc, char **argv) {
  char *p = map_pages(1, PROT_READ);
  show("uname", HC3(63, p, 0, 0));
  show("clock_gettime", HC3(228, 1, p, 0));
  show("gettimeofday", HC3(96, p, 0, 0));
  long set = 0;
  show("rt_sigprocmask", hc(14, 0, (long)&set, (long)p, 8, 0, 0));
  show("rt_sigaction", hc(13, 10, 0, (long)p, 8, 0, 0));
  char u[390];
  show("uname into the stack", HC3(63, u, 0, 0));
  out(u); /* sysname */
  out("\n");
  return 0;
}

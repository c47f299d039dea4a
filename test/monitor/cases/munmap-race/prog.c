// A second thread unmaps and maps back the page the first one passes to
// hostcalls the monitor copies into (getcwd, uname, clock_gettime, poll's
// array, copied in, polled, copied out) or the kernel reads (write): each call succeeds or answers EFAULT, never
// anything else, and the monitor neither hangs nor dies (it used to fault
// in its own copy when the unmap fell between its check and the copy).
#include "guest.h"
static char *volatile page; /* the page both threads use */
static volatile int stop, done;

static long racer(void *arg) {
  (void)arg;
  while (!stop) {
    char *p = page;
    HC3(11, p, 4096, 0); /* munmap */
    page = map_pages(1, PROT_READ | PROT_WRITE); /* first fit: p again */
  }
  done = 1;
  HC3(60, 0, 0, 0); /* a thread's function never returns (orc_abi.h) */
  return 0;
}

int main(int argc, char **argv) {
  page = map_pages(1, PROT_READ | PROT_WRITE);
  char *stack = map_pages(16, PROT_READ | PROT_WRITE);
  char *tls = map_pages(1, PROT_READ | PROT_WRITE);
  long tid = hc(1001, (long)racer, 0, (long)(stack + 16 * 4096), (long)tls, 0, 0);
  show("thread", tid > 0);
  long ok = 0, efault = 0, other = 0;
  for (int i = 0; i < 40000; i++) {
    long r[5] = {HC3(79, page, 64, 0), HC3(63, page, 0, 0),
                 HC3(228, 1, page, 0), HC3(1, -1, page, 1),
                 HC3(7, page, 64, 0)};
    /* write to a bad fd: EBADF after the buffer passed its check */
    for (int k = 0; k < 5; k++)
      if (r[k] == -EFAULT)
        efault++;
      else if (r[k] >= 0 || (k == 3 && r[k] == -9))
        ok++;
      else
        other++;
  }
  stop = 1;
  while (!done)
    HC3(24, 0, 0, 0);
  show("calls", ok + efault);
  show("other results", other);
  return 0;
}

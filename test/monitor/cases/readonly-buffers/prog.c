// Buffers the kernel or the monitor would write, in a read-only page, in
// the cVM's code, in monitor memory (the gate) or in the window's read-only
// capability table: EFAULT each, and nothing written. read/pread/readv/getdents are
// refused before the kernel runs; fstat, pipe and the rest are copied out
// by the monitor, which must not write there either.
#include "guest.h"
int main(int argc, char **argv) {
  char *ro = map_pages(1, PROT_READ);
  char *rw = map_pages(1, PROT_READ | PROT_WRITE);
  long fd = HC3(2, "data", 0, 0);
  show("open", fd);
  show("read", HC3(0, fd, ro, 4));
  show("pread", hc(17, fd, (long)ro, 4, 0, 0, 0));
  struct { void *base; size_t len; } iov[2] = {{rw, 2}, {ro, 2}};
  show("readv", HC3(19, fd, iov, 2));
  show("getdents64", HC3(217, HC3(2, ".", 0x10000, 0), ro, 4096));
  show("fstat", HC3(5, fd, ro, 0));
  show("pipe", HC3(22, ro, 0, 0));
  long gate, w;
  __asm__("mov %%gs:0x10000, %0" : "=r"(gate)); /* slot 0: the gate */
  __asm__("mov %%gs:0x10008, %0" : "=r"(w));    /* slot 1: W */
  show("read into the gate", HC3(0, fd, gate, 4));
  show("read into the table", HC3(0, fd, w + 0x10000, 4));
  show("fstat into the table", HC3(5, fd, w + 0x10000, 0));
  show("read into code", HC3(0, fd, &main, 4));
  show("untouched", ro[0] == 0);
  show("read", HC3(0, fd, rw, 4));
  rw[4] = 0;
  out(rw);
  return 0;
}

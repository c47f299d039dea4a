// A cVM cannot make executable memory: mmap and mprotect with PROT_EXEC fail.
#include "rt.h"
int main(int argc, char **argv) {
  long m = hc(9, 0, 4096, 7, 0x22, -1, 0);
  out(m == -1 ? "mmap exec: EPERM\n" : "mmap exec: allowed\n");
  long p = hc(9, 0, 4096, 3, 0x22, -1, 0);
  long r = hc(10, p, 4096, 5, 0, 0, 0);
  out(r == -13 ? "mprotect exec: EACCES\n" : "mprotect exec: allowed\n");
  return 0;
}

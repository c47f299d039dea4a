// Memory past the cVM's quota is ENOMEM to the cVM, not the monitor's end.
#include "rt.h"
int main(int argc, char **argv) {
  long n = 0, r;
  while ((r = hc(9, 0, 65536, 3, 0x22, -1, 0)) > 0 && n < 100000) {
    *(volatile char *)r = 1; /* the memory is really there */
    n++;
  }
  out(r == -12 ? "ENOMEM" : "other");
  out(n > 4 && n < 16 ? " after a few mappings\n" : " after a wrong count\n");
  /* Memory freed is usable again. */
  long first = hc(9, 0, 65536, 3, 0x22, -1, 0);
  out(first == -12 ? "still full\n" : "?\n");
  return 0;
}

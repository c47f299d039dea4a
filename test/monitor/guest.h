/* Helpers for the guest-memory cases (on rt.h): memory hostcalls and a
 * page the monitor must not write. */
#ifndef ORC_TEST_GUEST_H
#define ORC_TEST_GUEST_H
#include "rt.h"

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define EFAULT 14

static inline char *map_pages(long n, int prot) {
  return (char *)hc(9, 0, n * 4096, prot, 0x22 /* private, anonymous */, -1, 0);
}
static inline long protect(void *p, long len, int prot) {
  return HC3(10, p, len, prot);
}
/* "name: value\n" */
static inline void show(const char *name, long v) {
  out(name);
  out(": ");
  out_num(v);
  out("\n");
}
#endif

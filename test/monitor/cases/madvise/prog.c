// madvise: hints and dropping the cVM's own pages work (a dropped page
// reads back as zeros); advice that reaches other memory or other tenants
// (KSM merging, hugepages, hole punching, fork behaviour) is EINVAL, and so is
// any advice on memory that is not the cVM's.
#include "rt.h"
static void try(const char *what, long addr, long advice) {
  long r = hc(28, addr, 4096, advice, 0, 0, 0);
  out(what);
  out(r == 0 ? ": ok\n" : r == -22 ? ": EINVAL\n" : ": other\n");
}
int main(int argc, char **argv) {
  char *p = (char *)hc(9, 0, 4096, 3, 0x22, -1, 0);
  p[0] = 7;
  try("MADV_WILLNEED", (long)p, 3);
  try("MADV_DONTNEED", (long)p, 4);
  out(p[0] == 0 ? "dropped page reads 0\n" : "dropped page kept its data\n");
  try("MADV_FREE", (long)p, 8);
  try("MADV_MERGEABLE", (long)p, 12);
  try("MADV_HUGEPAGE", (long)p, 14);
  try("MADV_REMOVE", (long)p, 9);
  try("MADV_DONTFORK", (long)p, 10);
  try("MADV_DONTNEED on the monitor's page", (long)&main & ~4095l, 4);
  return 0;
}

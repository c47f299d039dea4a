/* How many cVM windows one monitor holds, and what happens past that:
 * windows are taken until window_new refuses; there must be at least
 * 16,384, the refusal must say which limit was reached, and freed windows
 * must be reusable. A window's reservation is one mapping until its cVM
 * uses it, but window_new keeps room for a cVM's mappings (WINDOW_VMAS):
 * where vm.max_map_count is too low for 16,384 cVMs the test raises it
 * for its run (as root; it puts the old value back), else it fails. */
#define _GNU_SOURCE
#include "monitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *windows[40000];

static long sysctl_rw(const char *path, long set) {
  long v = -1;
  FILE *f = fopen(path, set < 0 ? "r" : "w");
  if (!f)
    return -1;
  if (set < 0 ? fscanf(f, "%ld", &v) != 1 : fprintf(f, "%ld\n", set) < 0)
    v = -1;
  return fclose(f) ? -1 : (set < 0 ? v : set);
}

int main(void) {
  const char *mmc = "/proc/sys/vm/max_map_count";
  long old = sysctl_rw(mmc, -1), want = 40L * 40000;
  if (old < want && sysctl_rw(mmc, want) != want) {
    printf("FAIL: vm.max_map_count is %ld, too low for 16,384 cVMs, and "
           "cannot be raised (not root?)\n", old);
    return 1;
  }
  monitor_init();
  char err[512] = "";
  size_t n = 0, max;
  while (n < sizeof windows / sizeof *windows &&
         (windows[n] = window_new(err, sizeof err)))
    n++;
  window_count(&max);
  int ok = n >= 16384 && strstr(err, "all windows of the 47-bit address space");
  printf("%zu windows of at most %zu; then: %s\n", n, max, err);
  for (size_t i = 0; i < n; i++)
    window_free(windows[i]);
  char *again = window_new(err, sizeof err);
  ok = ok && again == windows[0] && window_count(NULL) == 1;
  window_free(again);
  if (old < want)
    sysctl_rw(mmc, old);
  printf("%s\n", ok ? "PASS" : "FAIL");
  return !ok;
}

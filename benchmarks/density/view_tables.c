/* What a cVM window costs in page tables and mappings: N cVMs of one
 * program are created (window, table, state, view), then every page of
 * every window's shared view is read once, as SFI code reading shared
 * data through %gs: would. Prints, per cVM, the page-table bytes (VmPTE)
 * and mappings (/proc/self/maps lines) the windows add, and what touching
 * the whole view adds on top.
 *
 *   view_tables IMAGE_DIR PROGRAM N */
#define _GNU_SOURCE
#include "monitor.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long vm_pte_kib(void) {
  char line[256];
  long v = 0;
  FILE *f = fopen("/proc/self/status", "r");
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "VmPTE:", 6))
      v = atol(line + 6);
  if (f)
    fclose(f);
  return v;
}

static long maps(void) {
  long n = 0;
  int ch;
  FILE *f = fopen("/proc/self/maps", "r");
  while (f && (ch = getc(f)) != EOF)
    n += ch == '\n';
  if (f)
    fclose(f);
  return n;
}

static volatile unsigned char sink;

static int touch(void *ctx, void *addr, size_t len) {
  char *w = ctx;
  for (size_t off = 0; off < len; off += 4096)
    sink += *(volatile unsigned char *)(w + (uintptr_t)addr + off);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: view_tables IMAGE_DIR PROGRAM N\n");
    return 2;
  }
  int n = atoi(argv[3]);
  monitor_init();
  int root = open(argv[1], O_PATH | O_DIRECTORY | O_CLOEXEC);
  struct cvm **c = calloc((size_t)n + 1, sizeof *c);
  struct cvm_config cfg = {.name = "view", .program = argv[2], .rootfd = root,
                           .quota = 16u << 20, .stdio = {-1, -1, -1}};
  char err[600];
  if (!c || cvm_create(monitor_store(), &cfg, &c[n], err, sizeof err)) {
    fprintf(stderr, "view_tables: %s\n", c ? err : "out of memory");
    return 1;
  }
  long pte0 = vm_pte_kib(), maps0 = maps();
  for (int i = 0; i < n; i++)
    if (cvm_create(monitor_store(), &cfg, &c[i], err, sizeof err)) {
      fprintf(stderr, "view_tables: cvm %d: %s\n", i, err);
      return 1;
    }
  long pte1 = vm_pte_kib(), maps1 = maps();
  for (int i = 0; i < n; i++)
    orc_link_shared_ranges(c[i]->link, touch, c[i]->window);
  long pte2 = vm_pte_kib();
  printf("%d cVMs of %s: per cVM %.0f bytes of page tables and %.1f mappings "
         "once created; reading every page of its shared view adds %.0f bytes "
         "of page tables\n",
         n, argv[2], (pte1 - pte0) * 1024.0 / n, (double)(maps1 - maps0) / n,
         (pte2 - pte1) * 1024.0 / n);
  for (int i = 0; i <= n; i++)
    cvm_destroy(c[i]);
  return 0;
}

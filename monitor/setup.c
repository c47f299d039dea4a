/* Process-wide set-up shared by the CLI and the tests: how FS and GS are
 * reached, fault handlers, confinement, the one object store. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

/* "64M", "1G", "4096": bytes; 0 on a malformed size. */
size_t parse_size(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s)
    return 0;
  switch (*end) {
  case 'k': case 'K': v <<= 10; end++; break;
  case 'm': case 'M': v <<= 20; end++; break;
  case 'g': case 'G': v <<= 30; end++; break;
  }
  return *end ? 0 : (size_t)v;
}

/* Set once, before any thread: how this process reaches FS and GS. */
void monitor_init(void) {
  orc_fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0;
  fault_init();
  int r = confine_init();
  if (r) {
    fprintf(stderr, "orc: cannot set up confinement (the address space below "
                    "6 GiB for the code zone, or the seccomp filter): %s\n",
            strerror(-r));
    exit(1);
  }
}

/* The monitor's one store: every cVM shares it. */
struct orc_store *monitor_store(void) {
  static struct orc_store *s;
  if (!s) {
    size_t size;
    int fd;
    void *zone = confine_arena(&size, &fd);
    s = orc_store_new();
    /* The zone's last 64 KiB stay empty: they show at the end of every
     * window, which is never mapped. */
    if (!s || !zone || orc_store_set_arena(s, zone, size - WINDOW_GUARD, fd)) {
      fprintf(stderr, "orc: cannot create the object store\n");
      exit(1);
    }
  }
  return s;
}


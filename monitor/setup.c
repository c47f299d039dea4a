/* Process-wide set-up shared by the CLI and the tests: how FS and GS are
 * reached, fault handlers, the code arena, the one object store. */
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

/* Set once, before any thread: how this process reaches FS and GS, the
 * fault handlers, the code arena. Confinement follows (monitor_confine). */
void monitor_init(void) {
  orc_fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0;
  fault_init();
  int r = confine_init();
  if (r) {
    fprintf(stderr, "orc: cannot reserve the code arena's address space: %s\n",
            strerror(-r));
    exit(1);
  }
}

/* The monitor's one store: every cVM shares it. */
struct orc_store *monitor_store(void) {
  static struct orc_store *s;
  if (!s) {
    size_t size;
    void *arena = confine_arena(&size);
    s = orc_store_new();
    if (!s || orc_store_set_arena(s, arena, size)) {
      fprintf(stderr, "orc: cannot create the object store\n");
      exit(1);
    }
  }
  return s;
}


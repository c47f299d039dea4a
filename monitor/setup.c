/* Process-wide set-up shared by the CLI and the tests: how FS and GS are
 * reached, fault handlers, the code arena, the one object store. */
#define _GNU_SOURCE
#include "monitor.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

int parse_size(const char *s, size_t max, size_t *out, char *err,
               size_t errlen) {
  static const char units[] = "KMGT";
  char *end = (char *)s;
  errno = 0;
  unsigned long long v = isdigit((unsigned char)*s) ? strtoull(s, &end, 10) : 0;
  const char *u = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
  if (end == s || (*end && (!u || end[1]))) {
    snprintf(err, errlen,
             "'%s' is not a size (bytes, or a number with K, M, "
             "G or T: 64M)",
             s);
    return -1;
  }
  unsigned shift = u ? 10 * (unsigned)(u - units + 1) : 0;
  if (errno == ERANGE || v > max >> shift) {
    snprintf(err, errlen, "'%s' is more than the limit of %zu bytes", s, max);
    return -1;
  }
  if (!v) {
    snprintf(err, errlen, "'%s' is no memory: the least is 1 byte", s);
    return -1;
  }
  *out = (size_t)v << shift;
  return 0;
}

/* Set once, before any thread: how this process reaches FS and GS, the
 * fault handlers, the code arena. Confinement follows (monitor_confine). */
void monitor_init(void) {
  orc_fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0;
  fault_init();
  int r = confine_init();
  if (r) {
    fprintf(stderr, "orc: cannot set up confinement (the address space below "
                    "6 GiB for the code zone, or the capability tables' memfd): %s\n",
            strerror(-r));
    exit(1);
  }
}

/* --insecure-no-verify (orc run, orc deploy), and orc inspect, which
 * runs no cVM code: objects that fail the SFI verifier are mapped, not
 * refused. Set before the first monitor_store(). */
int monitor_insecure_no_verify;

void monitor_warn_insecure(const char *cmd) {
  fprintf(stderr, "orc %s: WARNING: --insecure-no-verify: machine code that "
                  "fails the SFI verifier runs; such cVMs are NOT isolated from "
                  "each other or from the monitor (benchmark baselines only)\n",
          cmd);
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
    if (monitor_insecure_no_verify)
      orc_store_allow_unverified(s);
  }
  return s;
}


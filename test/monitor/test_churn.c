/* Churn: create, run and destroy 10,000 cVMs in one monitor. The
 * monitor's resident memory must come back to within a small bound of
 * where it stood after a warm-up; in the LeakSanitizer build nothing may
 * leak, and resident memory is not bounded there: the sanitizer's runtime
 * keeps state for every thread ever created (clang 19's about 0.2 KiB a
 * thread, gcc 12's 3.8 KiB: a ten-line program that only creates and
 * joins threads grows 7.5 MiB over 2,000 of them under gcc's), which
 * measures the runtime, not the monitor. The uninstrumented build shows no
 * growth with either compiler.
 *
 * Usage: test_churn IMAGE_DIR PROGRAM [COUNT] */
#define _GNU_SOURCE
#include "monitor.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if __has_feature(leak_sanitizer)
#define BOUND_RSS 0
#else
#define BOUND_RSS 1
#endif

/* /proc/self/statm, opened before confinement (the filter allows no open
 * of a host path) and read again each time. */
static int statm = -1;

static long rss_kib(void) {
  char buf[128];
  long pages = 0, resident = 0;
  ssize_t n = pread(statm, buf, sizeof buf - 1, 0);
  buf[n > 0 ? n : 0] = 0;
  if (sscanf(buf, "%ld %ld", &pages, &resident) != 2)
    resident = 0;
  return resident * 4;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s IMAGE_DIR PROGRAM [COUNT]\n", argv[0]);
    return 2;
  }
  int count = argc > 3 ? atoi(argv[3]) : 10000, warm = count / 20;
  monitor_init();
  int root = open(argv[1], O_PATH | O_DIRECTORY | O_CLOEXEC);
  int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  statm = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  char err[600];
  struct monitor_plan plan = {NULL, 1, 3};
  if (root < 0 || devnull < 0 || statm < 0 ||
      monitor_confine(&plan, err, sizeof err)) {
    fprintf(stderr, "test_churn: %s: set-up failed: %s\n", argv[1],
            root < 0 || devnull < 0 || statm < 0 ? "cannot open" : err);
    return 1;
  }
  char *args[] = {argv[2], NULL}, *env[] = {NULL};
  long before = 0;
  int bad = 0;
  for (int i = 0; i < count; i++) {
    if (i == warm)
      before = rss_kib();
    struct cvm_config cfg = {.name = "churn", .program = argv[2],
                             .rootfd = root, .quota = 2u << 20,
                             .stdio = {-1, devnull, 2}};
    struct cvm *c;
    if (cvm_create(monitor_store(), &cfg, &c, err, sizeof err)) {
      fprintf(stderr, "cvm %d: %s\n", i, err);
      return 1;
    }
    if (cvm_start(c, args, env, err, sizeof err) < 0 || cvm_wait(c) != 42)
      bad++;
    cvm_destroy(c);
  }
  long after = rss_kib();
  close(root);
  close(devnull);
  /* Let detached host threads finish tearing down before LSan looks. */
  usleep(200000);
  printf("%d cVMs, %d wrong; RSS after %d: %ld KiB, after %d: %ld KiB "
         "(growth %ld KiB, %s)\n",
         count, bad, warm, before, count, after, after - before,
         BOUND_RSS ? "bound 4096" : "not bounded under LeakSanitizer");
  int checks = 1 + BOUND_RSS,
      failed = (bad != 0) + (BOUND_RSS && after - before > 4096);
  printf("%d passed, %d failed\n", checks - failed, failed);
  return failed != 0;
}

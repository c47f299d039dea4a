/* Parked windows (window.c): a cVM's window is reused by the next cVM of
 * the same shape, and nothing of the cVM before is left in it. One
 * monitor runs park/prog.c twice, one cVM after the other: the first maps
 * a page, writes a secret there and into its state and prints the page's
 * address; the second must get the same window (the reuse this test is
 * about), find its state at its initial value and nothing mapped at that
 * address (its load faults: status 139). Then 70 cVMs at once and
 * destroyed (more than the 64 kept parked): every one of them runs.
 *
 * Usage: test_park IMAGE_DIR PROGRAM */
#define _GNU_SOURCE
#include "monitor.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int root, out;
static char err[600];

/* Runs PROGRAM ARGS... in a new cVM; its stdout in buf. */
static struct cvm *run(char *const *args, char *buf, size_t len, int *status) {
  struct cvm_config cfg = {.name = "park", .program = args[0], .rootfd = root,
                           .quota = 2u << 20, .stdio = {-1, out, 2}};
  struct cvm *c;
  if (ftruncate(out, 0) || lseek(out, 0, SEEK_SET) || cvm_create(monitor_store(), &cfg, &c, err, sizeof err)) {
    fprintf(stderr, "test_park: %s\n", err);
    exit(1);
  }
  char *env[] = {NULL};
  if (cvm_start(c, (char **)args, env, err, sizeof err) < 0) {
    fprintf(stderr, "test_park: %s\n", err);
    exit(1);
  }
  *status = cvm_wait(c);
  ssize_t n = pread(out, buf, len - 1, 0);
  buf[n > 0 ? n : 0] = 0;
  return c;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s IMAGE_DIR PROGRAM\n", argv[0]);
    return 2;
  }
  monitor_init();
  char path[] = "/tmp/orc-park.XXXXXX";
  root = open(argv[1], O_PATH | O_DIRECTORY | O_CLOEXEC);
  out = mkostemp(path, O_CLOEXEC);
  unlink(path);
  struct monitor_plan plan = {NULL, 1, 3};
  if (root < 0 || out < 0 || monitor_confine(&plan, err, sizeof err)) {
    fprintf(stderr, "test_park: set-up failed: %s\n", root < 0 || out < 0 ? "cannot open" : err);
    return 1;
  }
  int fail = 0, st;
  char buf[256], addr[64];
  char *w_args[] = {argv[2], "w", NULL};
  struct cvm *a = run(w_args, buf, sizeof buf, &st);
  char *wa = a->window;
  snprintf(addr, sizeof addr, "%.*s", (int)strcspn(buf, "\n"), buf);
  cvm_destroy(a);
  size_t parked = window_parked();
  char *r_args[] = {argv[2], "r", addr, NULL};
  struct cvm *b = run(r_args, buf, sizeof buf, &st);
  char *wb = b->window;
  size_t parked_b = window_parked();
  cvm_destroy(b);
  int reused = parked == 1 && parked_b == 0 && wa == wb;
  printf("%s the first cVM's window was parked and the second got it "
         "(parked %zu, then %zu; %p, %p)\n",
         reused ? "PASS" : "FAIL", parked, parked_b, (void *)wa, (void *)wb);
  fail |= !reused;
  int clean = st == 139 && !strcmp(buf, "fresh\n");
  printf("%s nothing of the first cVM in it: the page at %s and the state "
         "variable (got status %d, \"%s\")\n",
         clean ? "PASS" : "FAIL", addr, st, buf);
  fail |= !clean;
  struct cvm *many[70];
  int ran = 0;
  for (int i = 0; i < 70; i++) {
    many[i] = run(w_args, buf, sizeof buf, &st);
    ran += st == 0 && strtoul(buf, NULL, 10) >= (unsigned long)(uintptr_t)many[i]->window;
  }
  for (int i = 0; i < 70; i++)
    cvm_destroy(many[i]);
  printf("%s 70 cVMs at once, then destroyed: %d ran, %zu parked (at most 64)\n",
         ran == 70 && window_parked() == 64 ? "PASS" : "FAIL", ran, window_parked());
  fail |= ran != 70 || window_parked() != 64;
  return fail;
}

/* Cold start: create -> main -> exit of a hello-world cVM, against
 * posix_spawn + waitpid of the same program built natively with musl-gcc
 * (static), measured in the same run. Median and p99 over RUNS, and starts
 * per second on one core (the process pinned to CPU 0).
 *
 * Two cVM cases: a warm store (another cVM of the same image holds libc and
 * the program mapped, as in any deployment with more than one tenant) and
 * a cold one (the store is empty each time: every start maps libc).
 *
 * Usage: bench_coldstart IMAGE_DIR NATIVE_HELLO [RUNS] */
#define _GNU_SOURCE
#include "monitor.h"

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

struct result {
  double median, p99, per_second;
};

static struct result summarise(double *t, int n, double total_ns) {
  qsort(t, (size_t)n, sizeof *t, cmp);
  return (struct result){t[n / 2], t[(int)(0.99 * (n - 1))], n / (total_ns / 1e9)};
}

static int root, devnull;

static struct cvm *make(void) {
  struct cvm_config cfg = {.name = "hello", .program = "/bin/hello",
                           .rootfd = root, .quota = 8u << 20,
                           .stdio = {-1, devnull, 2}};
  struct cvm *c;
  char err[600];
  if (cvm_create(monitor_store(), &cfg, &c, err, sizeof err)) {
    fprintf(stderr, "bench_coldstart: %s\n", err);
    exit(1);
  }
  return c;
}

static struct result run_cvms(int runs) {
  char *argv[] = {"/bin/hello", NULL}, *envp[] = {NULL};
  double *t = calloc((size_t)runs, sizeof *t), start = now_ns();
  for (int i = 0; i < runs; i++) {
    double t0 = now_ns();
    struct cvm *c = make();
    if (cvm_start(c, argv, envp) < 0 || cvm_wait(c) != 0) {
      fprintf(stderr, "bench_coldstart: the cVM failed\n");
      exit(1);
    }
    t[i] = now_ns() - t0;
    cvm_destroy(c);
  }
  struct result r = summarise(t, runs, now_ns() - start);
  free(t);
  return r;
}

static struct result run_spawns(const char *path, int runs) {
  double *t = calloc((size_t)runs, sizeof *t), start = now_ns();
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, devnull, 1);
  char *argv[] = {(char *)path, NULL};
  for (int i = 0; i < runs; i++) {
    double t0 = now_ns();
    pid_t pid;
    int status;
    if (posix_spawn(&pid, path, &fa, NULL, argv, environ) ||
        waitpid(pid, &status, 0) != pid || status) {
      fprintf(stderr, "bench_coldstart: %s failed\n", path);
      exit(1);
    }
    t[i] = now_ns() - t0;
  }
  struct result r = summarise(t, runs, now_ns() - start);
  free(t);
  return r;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s IMAGE_DIR NATIVE_HELLO [RUNS]\n", argv[0]);
    return 2;
  }
  int runs = argc > 3 ? atoi(argv[3]) : 1000;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(0, &one);
  sched_setaffinity(0, sizeof one, &one); /* threads created later inherit it */
  monitor_init();
  root = open(argv[1], O_PATH | O_DIRECTORY | O_CLOEXEC);
  devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  struct result cold = run_cvms(runs / 10 ? runs / 10 : 1);
  struct cvm *anchor = make(); /* keeps libc and the program in the store */
  struct result warm = run_cvms(runs);
  cvm_destroy(anchor);
  struct result spawn = run_spawns(argv[2], runs);
  printf("| start -> main -> exit, one core | median | p99 | starts/s | vs posix_spawn (median) |\n");
  printf("|---|---|---|---|---|\n");
  printf("| posix_spawn + waitpid, static musl (baseline) | %.1f us | %.1f us | %.0f | 1.00 |\n",
         spawn.median / 1e3, spawn.p99 / 1e3, spawn.per_second);
  printf("| cVM, warm store (%d runs) | %.1f us | %.1f us | %.0f | %.3f |\n", runs,
         warm.median / 1e3, warm.p99 / 1e3, warm.per_second, warm.median / spawn.median);
  printf("| cVM, cold store: libc mapped each time (%d runs) | %.1f us | %.1f us | %.0f | %.3f |\n",
         runs / 10 ? runs / 10 : 1, cold.median / 1e3, cold.p99 / 1e3, cold.per_second,
         cold.median / spawn.median);
  return 0;
}

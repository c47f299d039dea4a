/* A program that embeds the monitor spawns children from a process it
 * forked before confinement (docs/monitor.md; the cold-start benchmark
 * does the same): the seccomp filter outlives fork and exec, and refuses
 * execve and fork to the monitor itself. This program forks such a
 * spawner, then confines itself (monitor_init, monitor_confine) and asks
 * the spawner, over a pipe, to spawn a dynamically linked program COUNT
 * times (its libraries wherever address space randomisation puts them):
 * every child must exit normally. The spawner also forks one process that
 * confines itself and then calls execve: the kernel must kill it with
 * SIGSYS.
 *
 *   test_spawn PROGRAM COUNT */
#define _GNU_SOURCE
#include "monitor.h"

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* The spawner: on request, COUNT spawns of PROGRAM, then the execve check;
 * the result as one line on `out`. */
static void spawner(int in, int out, char *program, int n) {
  char c, line[300];
  if (read(in, &c, 1) != 1)
    _exit(1);
  int bad = 0, st = 0;
  for (int i = 0; i < n; i++) {
    pid_t pid;
    char *args[] = {program, NULL};
    if (posix_spawn(&pid, program, NULL, NULL, args, environ) ||
        waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st)) {
      if (!bad)
        fprintf(stderr, "test_spawn: child %d ended with status 0x%x\n", i, st);
      bad++;
    }
  }
  pid_t pid = fork();
  if (pid == 0) { /* confined, then execve */
    char err[600], *args[] = {program, NULL};
    struct monitor_plan plan = {NULL, 1, 0};
    monitor_init();
    if (monitor_confine(&plan, err, sizeof err))
      _exit(2);
    execve(program, args, environ);
    _exit(3);
  }
  waitpid(pid, &st, 0);
  int refused = WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS;
  int len = snprintf(line, sizeof line,
                     "%s children of a program embedding the monitor: %d of %d did "
                     "not exit normally\n"
                     "%s execve after confinement: status 0x%x (SIGSYS expected)\n",
                     bad ? "FAIL" : "PASS", bad, n, refused ? "PASS" : "FAIL", st);
  if (write(out, line, (size_t)len) != len)
    _exit(1);
  _exit(0);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_spawn PROGRAM COUNT\n");
    return 2;
  }
  int req[2], res[2];
  if (pipe(req) || pipe(res))
    return 2;
  if (fork() == 0) {
    close(req[1]), close(res[0]);
    spawner(req[0], res[1], argv[1], atoi(argv[2]));
  }
  close(req[0]), close(res[1]);
  char err[600], out[600];
  struct monitor_plan plan = {NULL, 1, 4};
  monitor_init();
  if (monitor_confine(&plan, err, sizeof err)) {
    fprintf(stderr, "test_spawn: %s\n", err);
    return 1;
  }
  /* Confined now: the spawner works for us. */
  ssize_t n = write(req[1], "s", 1) == 1 ? 0 : -1, k;
  while (n >= 0 && (size_t)n < sizeof out - 1 &&
         (k = read(res[0], out + n, sizeof out - 1 - (size_t)n)) > 0)
    n += k;
  out[n > 0 ? n : 0] = 0;
  fputs(out, stdout);
  return n <= 0 || strstr(out, "FAIL") != NULL;
}

/* A process that embeds the monitor keeps its seccomp filter across
 * posix_spawn and exec, and the filter traps system calls made from the
 * code zone's addresses: a child's own code must never lie there. Spawns a
 * dynamically linked program (its libraries wherever the child's address
 * space randomisation puts them) many times after monitor_init and
 * requires every child to exit normally.
 *
 *   test_spawn PROGRAM COUNT */
#define _GNU_SOURCE
#include "monitor.h"

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_spawn PROGRAM COUNT\n");
    return 2;
  }
  monitor_init();
  int n = atoi(argv[2]), killed = 0;
  for (int i = 0; i < n; i++) {
    pid_t pid;
    char *args[] = {argv[1], NULL};
    if (posix_spawn(&pid, argv[1], NULL, NULL, args, environ)) {
      perror("test_spawn: posix_spawn");
      return 1;
    }
    int st;
    waitpid(pid, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st)) {
      if (!killed)
        fprintf(stderr, "test_spawn: child %d ended with status 0x%x%s\n", i, st,
                WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS ? " (SIGSYS: the filter)" : "");
      killed++;
    }
  }
  size_t size;
  char *arena = confine_arena(&size, NULL);
  printf("%s: %d children of %d did not exit normally (arena %p-%p)\n",
         killed ? "FAIL" : "PASS", killed, n, (void *)arena, (void *)(arena + size));
  return killed != 0;
}

/* Resource limits: every one reads back with soft <= hard; a lowered
 * RLIMIT_NOFILE is what open, dup, dup2, fcntl and sysconf obey; a soft
 * limit above the hard one is EINVAL; prlimit of the process itself by
 * pid works, of a process that does not exist is ESRCH. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int main(void) {
  struct rlimit rl, old;
  int ok = 1;
  for (int r = 0; r < RLIM_NLIMITS; r++)
    if (getrlimit(r, &rl) || rl.rlim_cur > rl.rlim_max)
      ok = 0, printf("limit %d: %s\n", r, strerror(errno));
  printf("every limit reads back, soft <= hard: %s\n", ok ? "yes" : "no");
  errno = 0;
  printf("getrlimit(99): %s\n", getrlimit(99, &rl) ? strerror(errno) : "ok");
  getrlimit(RLIMIT_NOFILE, &old);
  rl = (struct rlimit){16, old.rlim_max};
  printf("NOFILE soft to 16: %s\n", setrlimit(RLIMIT_NOFILE, &rl) ? strerror(errno) : "ok");
  getrlimit(RLIMIT_NOFILE, &rl);
  printf("NOFILE now %llu, sysconf %ld\n", (unsigned long long)rl.rlim_cur,
         sysconf(_SC_OPEN_MAX));
  int last = -1, fd;
  while ((fd = open(".", O_RDONLY)) >= 0)
    last = fd;
  printf("opened up to fd %d, then: %s\n", last, strerror(errno));
  printf("dup: %s\n", dup(0) < 0 ? strerror(errno) : "ok");
  close(last);
  printf("dup after a close: fd %d\n", dup(0));
  printf("dup2(0, 16): %s\n", dup2(0, 16) < 0 ? strerror(errno) : "ok");
  printf("dup2(0, 15): %d\n", dup2(0, 15));
  printf("F_DUPFD 16: %s\n", fcntl(0, F_DUPFD, 16) < 0 ? strerror(errno) : "ok");
  for (int i = 3; i < 16; i++)
    close(i);
  printf("F_DUPFD 15: %d\n", fcntl(0, F_DUPFD, 15));
  rl = (struct rlimit){old.rlim_max, 16};
  printf("soft above hard: %s\n", setrlimit(RLIMIT_NOFILE, &rl) ? strerror(errno) : "ok");
  rl = (struct rlimit){32, old.rlim_max};
  printf("NOFILE soft back up to 32: %s\n", setrlimit(RLIMIT_NOFILE, &rl) ? strerror(errno) : "ok");
  printf("dup2(0, 20): %d\n", dup2(0, 20));
  printf("prlimit(getpid()): %s\n",
         prlimit(getpid(), RLIMIT_NOFILE, NULL, &rl) ? strerror(errno) : "ok");
  printf("prlimit(0): %s, soft %llu\n",
         prlimit(0, RLIMIT_NOFILE, NULL, &rl) ? strerror(errno) : "ok",
         (unsigned long long)rl.rlim_cur);
  printf("prlimit(no such pid): %s\n",
         prlimit(0x7ffffff0, RLIMIT_NOFILE, NULL, &rl) ? strerror(errno) : "ok");
  return 0;
}

// A healthy cVM beside the hostile one: for SECONDS it checks what its
// own hostcalls give back (its cwd, its node name, a file it writes and
// reads, pages it maps, fills and unmaps, a pipe) and prints one line:
// "healthy: ok" or "healthy: BAD <what>" for the first mismatch.
//   healthy NAME SECONDS
#include "guest.h"

static long now(void) {
  long ts[2];
  HC3(228, 1, ts, 0);
  return ts[0];
}

static int same(const char *a, const char *b) {
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}

static const char *round_trip(const char *name, long i) {
  char buf[390];
  if (HC3(79, buf, sizeof buf, 0) != 2 || !same(buf, "/"))
    return "getcwd";
  if (HC3(63, buf, 0, 0) || !same(buf, "Linux") || !same(buf + 65, name))
    return "uname";
  char *p = map_pages(4, PROT_READ | PROT_WRITE);
  if ((long)p < 0)
    return "mmap";
  for (int k = 0; k < 4 * 4096; k += 512)
    p[k] = (char)(i + k);
  long fd = HC3(2, "scratch", 0102 /* O_RDWR | O_CREAT */, 0600);
  if (fd < 0 || hc(18, fd, (long)p, 4 * 4096, 0, 0, 0) != 4 * 4096)
    return "pwrite";
  char *q = map_pages(4, PROT_READ | PROT_WRITE);
  if (hc(17, fd, (long)q, 4 * 4096, 0, 0, 0) != 4 * 4096)
    return "pread";
  for (int k = 0; k < 4 * 4096; k++)
    if (p[k] != q[k])
      return "file contents";
  int fds[2];
  if (HC3(22, fds, 0, 0) || HC3(1, fds[1], "ping", 4) != 4 ||
      HC3(0, fds[0], buf, 4) != 4 || buf[0] != 'p' || buf[3] != 'g')
    return "pipe";
  HC3(3, fds[0], 0, 0), HC3(3, fds[1], 0, 0), HC3(3, fd, 0, 0);
  if (HC3(11, p, 4 * 4096, 0) || HC3(11, q, 4 * 4096, 0))
    return "munmap";
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  long seconds = 0;
  for (const char *s = argv[2]; *s >= '0' && *s <= '9'; s++)
    seconds = seconds * 10 + (*s - '0');
  long start = now(), i = 0;
  const char *bad = 0;
  while (!bad && now() - start < seconds)
    bad = round_trip(argv[1], i++);
  out(bad ? "healthy: BAD " : "healthy: ok");
  out(bad ? bad : "");
  out("\n");
  return 0;
}

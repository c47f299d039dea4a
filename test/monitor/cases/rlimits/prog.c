// A cVM's resource limits are its own quotas (orcflags: --mem 64M
// --disk 1M): RLIMIT_AS and RLIMIT_DATA the memory quota, RLIMIT_FSIZE the
// disk quota, RLIMIT_NOFILE its fd table, RLIMIT_STACK its main stack. It
// may lower them and raise a soft limit back to its hard one, never a hard
// one (EPERM); a lowered RLIMIT_AS is what mmap obeys. Another pid is
// ESRCH.
#include "rt.h"
struct rl { unsigned long cur, max; };
static const char *const names[] = {"CPU", "FSIZE", "DATA", "STACK", "CORE",
    "RSS", "NPROC", "NOFILE", "MEMLOCK", "AS", "LOCKS", "SIGPENDING",
    "MSGQUEUE", "NICE", "RTPRIO", "RTTIME"};
static void num(unsigned long v) {
  if (v == ~0ul)
    out("inf");
  else
    out_num((long)v);
}
static void show(long r, struct rl *l) {
  out(r == 0 ? "ok" : r == -1 ? "EPERM" : r == -3 ? "ESRCH" : r == -22 ? "EINVAL" : "other");
  if (l) {
    out(" ");
    num(l->cur);
    out("/");
    num(l->max);
  }
  out("\n");
}
int main(int argc, char **argv) {
  (void)argc, (void)argv;
  struct rl l, n;
  for (int r = 0; r < 16; r++) {
    out(names[r]);
    out(": ");
    show(hc(302, 0, r, 0, (long)&l, 0, 0), &l); /* prlimit64 */
  }
  out("getrlimit(NOFILE): ");
  show(HC3(97, 7, &l, 0), &l);
  out("prlimit64(1, AS): ");
  show(hc(302, 1, 9, 0, (long)&l, 0, 0), &l);
  out("prlimit64(2, AS): ");
  show(hc(302, 2, 9, 0, (long)&l, 0, 0), 0);
  out("prlimit64(0, 16): ");
  show(hc(302, 0, 16, 0, (long)&l, 0, 0), 0);
  n = (struct rl){1 << 20, 64 << 20};
  out("AS soft to 1M: ");
  show(HC3(160, 9, &n, 0), 0);
  long p = hc(9, 0, 2 << 20, 3, 0x22, -1, 0); /* mmap 2 MiB */
  out(p == -12 ? "mmap 2M: ENOMEM\n" : "mmap 2M: mapped\n");
  n.cur = 64 << 20;
  out("AS soft back to 64M: ");
  show(HC3(160, 9, &n, 0), 0);
  p = hc(9, 0, 2 << 20, 3, 0x22, -1, 0);
  out(p > 0 ? "mmap 2M: mapped\n" : "mmap 2M: failed\n");
  n = (struct rl){64 << 20, 128 << 20};
  out("AS hard to 128M: ");
  show(HC3(160, 9, &n, 0), 0);
  n = (struct rl){32, 32};
  out("NOFILE hard to 32: ");
  show(hc(302, 0, 7, (long)&n, (long)&l, 0, 0), &l);
  n = (struct rl){64, 64};
  out("NOFILE hard back to 64: ");
  show(HC3(160, 7, &n, 0), 0);
  out("dup2(0, 31): ");
  out_num(HC3(33, 0, 31, 0));
  out("\ndup2(0, 32): ");
  out_num(HC3(33, 0, 32, 0));
  out("\n");
  return 0;
}

// Writes into the cVM's root stop at its disk quota (--disk 64K): a new
// file costs 4 KiB, the bytes it grows by count; past the quota a write
// puts in what fits, then ENOSPC, and the file holds what fit. Shrinking
// a file gives its bytes back.
#include "rt.h"
static void say(const char *what, long r) {
  out(what);
  out(r >= 0 ? ": ok\n" : r == -28 ? ": ENOSPC\n" : ": other\n");
}
int main(int argc, char **argv) {
  static char buf[16384];
  long fd = HC3(2, "/data", 0101, 0644), total = 0, r = 0; /* O_CREAT|O_WRONLY */
  for (int i = 0; i < 64 && (r = HC3(1, fd, buf, sizeof buf)) > 0; i++)
    total += r;
  out("wrote ");
  out_num(total);
  out(r == -28 ? " bytes, then ENOSPC\n" : " bytes, then no error\n");
  long st[18];
  HC3(5, fd, st, 0); /* fstat */
  out("file size ");
  out_num(st[6]);
  out("\n");
  say("ftruncate past the quota", HC3(77, fd, 100000, 0));
  say("mkdir with the quota full", HC3(83, "/dir", 0755, 0));
  say("ftruncate to 4096", HC3(77, fd, 4096, 0));
  say("mkdir", HC3(83, "/dir", 0755, 0));
  return 0;
}

/* A cVM thread racing the monitor's path check: one thread keeps flipping
 * a path buffer between "/attacker" (a file in the image) and
 * "/../../../../../../etc/passwd" (the host's, outside the root) while the
 * main thread opens it and reads the first bytes, for 400 ms. A monitor
 * that checked the path and then read it again from cVM memory could open
 * the host's file. Must be contained: the monitor copies the path once and
 * resolves it inside the root: every open gives the image's file (an ELF)
 * or ENOENT, never the host's passwd ("root:"); the monitor is fine. */
#include "race.h"

static volatile char path[64] = "/attacker";
static volatile int stop;
static volatile unsigned long flips;

static void flipper(void *arg) {
  static const char a[] = "/attacker", b[] = "/../../../../../../etc/passwd";
  while (!stop) {
    flips++;
    for (unsigned i = 0; i < sizeof b; i++)
      path[i] = b[i];
    for (unsigned i = 0; i < sizeof a; i++)
      path[i] = a[i];
  }
  thread_exit();
}

int main(int argc, char **argv) {
  if (start_thread(flipper, 0) < 0) {
    out("no thread\n");
    end(1);
  }
  unsigned long t0 = now_ms(), opens = 0, elf = 0, enoent = 0, host = 0, other = 0;
  while (now_ms() - t0 < 400) {
    long fd = hc(257, -100, (long)path, 0, 0, 0, 0); /* openat(AT_FDCWD, path, O_RDONLY) */
    opens++;
    if (fd == -2) {
      enoent++;
      continue;
    }
    if (fd < 0) {
      other++;
      continue;
    }
    char b[8] = {0};
    HC3(0, fd, b, 5);
    HC3(3, fd, 0, 0);
    if (b[0] == 0x7f && b[1] == 'E')
      elf++;
    else if (b[0] == 'r' && b[1] == 'o' && b[2] == 'o' && b[3] == 't')
      host++;
    else
      other++;
  }
  stop = 1;
  say("flips ", flips);
  say("opens ", opens);
  say("image file ", elf);
  say("ENOENT ", enoent);
  say("other ", other);
  out(host ? "ESCAPED: read the host's /etc/passwd\n" : "never the host's file\n");
  end(0);
}

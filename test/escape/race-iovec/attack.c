/* A cVM thread racing writev's iovec: one thread keeps flipping iov[0]
 * between (own buffer, 8), (the victim's secret, 32), (a monitor address,
 * 64) and (own buffer, 1 TiB) while the main thread calls writev(1, iov,
 * 2) for 400 ms. A monitor that checked the iovec and then read it again
 * could write the victim's or its own memory to the attacker's stdout, or
 * run past a buffer. Must be contained: the monitor copies the iovec once,
 * checks each buffer in the caller's window; every call writes own bytes
 * or answers EFAULT; the monitor stays up; no secret in the output. */
#include "race.h"

struct iovec { unsigned long base, len; };
static volatile struct iovec iov[2];
static char mine[16] = "AAAAAAA\n", tail[8] = "B\n";
static volatile int stop;
static volatile unsigned long flips;
static unsigned long bases[4], lens[4] = {8, 32, 64, 1ul << 40};

static void flipper(void *arg) {
  for (unsigned long i = 0; !stop; i++) {
    flips++;
    iov[0].base = bases[i & 3];
    iov[0].len = lens[(i >> 2) & 3];
  }
  thread_exit();
}

int main(int argc, char **argv) {
  unsigned long gate;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  bases[0] = (unsigned long)mine;
  bases[1] = victim_secret(argv);
  bases[2] = gate;
  bases[3] = (unsigned long)mine;
  iov[0].base = (unsigned long)mine, iov[0].len = 8;
  iov[1].base = (unsigned long)tail, iov[1].len = 2;
  if (start_thread(flipper, 0) < 0) {
    out("no thread\n");
    end(1);
  }
  unsigned long t0 = now_ms(), calls = 0, efault = 0, ok = 0, other = 0;
  while (now_ms() - t0 < 400) {
    long r = HC3(20, 1, iov, 2); /* writev(1, iov, 2) */
    calls++;
    if (r == -14)
      efault++;
    else if (r >= 0)
      ok++;
    else
      other++;
  }
  stop = 1;
  say("flips ", flips);
  say("calls ", calls);
  say("written ", ok);
  say("EFAULT ", efault);
  say("other ", other);
  end(0);
}

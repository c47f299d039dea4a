// A hostile cVM: random hostcalls with random arguments, for a number of
// seconds, while a second thread unmaps and maps back pages it passes.
//   hostile SEED SECONDS
// Pointers come from a pool: NULL and low addresses, its own pages
// (read-write, read-only, PROT_NONE, unmapped again, straddling into the
// next page), its code and a string, monitor code it can name (the gate,
// from its capability table), its window's read-only table, guard pages
// and shared view, the neighbouring windows (other cVMs' memory) and
// pointers whose upper half names another window, guesses at other cVMs'
// regions (more than its own region's size away from its pages), kernel
// and non-canonical addresses, and random values; lengths from 0 to
// 2^64 - 1. fuzz-test judges the monitor (never crashes nor hangs) and the
// healthy cVMs beside this one.
//
// Left out of the random mix, because they end the cVM or block it for
// good when they work as they should (which would end the fuzzing, not
// find a monitor bug):
//   exit, exit_group, ORC_HC_EXIT_CVM       end the thread or the cVM;
//   kill, tkill, tgkill, rt_sigqueueinfo,   end the cVM with the signal
//   rt_tgsigqueueinfo                       (or run a random handler);
//   rt_sigreturn                            a random frame ends the cVM;
//   pause, rt_sigsuspend, rt_sigtimedwait   wait for a signal none sends;
//   ORC_HC_THREAD_START                     a thread at a random address
//                                           dies in cVM code (the racer
//                                           thread below uses it right);
//   nanosleep, clock_nanosleep              a random timespec is years;
//   pipe, pipe2                             read on an empty pipe, write
//                                           on a full one block forever.
// And made harmless, for the same reason:
//   futex: a wait becomes a wake (nothing would ever wake it), and
//   FUTEX_LOCK_PI a FUTEX_TRYLOCK_PI (a word held by no thread is never
//   released);
//   poll, epoll_wait, epoll_pwait: timeout 0; ppoll: a zero timespec
//   in read-only data (random calls may make its own pages writable);
//   fcntl: F_SETLKW and F_OFD_SETLKW become F_GETLK (a lock another fd of
//   the same file holds would be waited for forever);
//   fd 1 is never an argument (changed to 2), nor mmap's fd: the report
//   goes there; fd 2, the monitor's stderr (which must stay silent), is
//   made the root directory first, so random writes to it fail (it used
//   to become one by chance, when open("") still opened the root);
//   munmap, mprotect, mremap, madvise get only pages of its own pool or
//   addresses that are not its own, never a guess (a guess could be its
//   own stack, and unmapping that kills it in its own code).
#include "guest.h"

static unsigned long rng;
static unsigned long next(void) { /* xorshift64 */
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static long number(const char *s) {
  long n = 0;
  while (*s >= '0' && *s <= '9')
    n = n * 10 + (*s++ - '0');
  return n;
}

static long now(void) {
  long ts[2];
  HC3(228, 1 /* CLOCK_MONOTONIC */, ts, 0);
  return ts[0];
}

/* Pages the racer unmaps and maps back, and the pool the calls use. */
static char *volatile shared[4];
static volatile int stop, done;

static long racer(void *arg) {
  (void)arg;
  for (unsigned long i = 0; !stop; i++) {
    int k = (int)(i % 4);
    HC3(11, shared[k], 4096, 0);
    char *p = map_pages(1, (i / 4) % 3 ? PROT_READ | PROT_WRITE : PROT_READ);
    if ((long)p > 0)
      shared[k] = p;
  }
  done = 1;
  HC3(60, 0, 0, 0); /* a thread's function never returns (orc_abi.h) */
  return 0;
}

#define POOL 40
static unsigned long pool[POOL], own[POOL];
static int npool, nown;

static void add(unsigned long p, int is_own) {
  if (npool < POOL)
    pool[npool++] = p;
  if (is_own && nown < POOL)
    own[nown++] = p;
}

static unsigned long pointer(int mm) {
  if (mm) /* memory hostcalls: own pages or somebody else's, no guesses */
    return next() % 4 ? own[next() % nown] : pool[next() % npool];
  switch (next() % 8) {
  case 0: /* a guess at another cVM's region: at least 520 MiB away from
             its own pages, so beyond its own region (fuzz-test gives it
             256 MiB, a region of 512 MiB and a little) */
    return own[0] + (next() % 2 ? 1 : -1) * (long)(520 + next() % 1024) * (1l << 20);
  case 1:
    return next();
  case 2:
    return (unsigned long)shared[next() % 4] + next() % 4096;
  default:
    return pool[next() % npool];
  }
}

static unsigned long length(void) {
  static const unsigned long lens[] = {0, 1, 4, 8, 16, 64, 128, 390, 4095,
                                       4096, 4097, 8192, 65536, 1ul << 20,
                                       1ul << 31, 1ul << 32, -1ul, -4096ul};
  return next() % 4 ? lens[next() % (sizeof lens / sizeof *lens)] : next();
}

static unsigned long integer(void) {
  switch (next() % 4) {
  case 0: return next();
  case 1: return (unsigned long)-(long)(next() % 8);
  default: return next() % 64;
  }
}

/* What musl and the monitor implement, and numbers nothing implements. */
static const short calls[] = {
    0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21,
    24, 25, 28, 32, 33, 39, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
    54, 55, 63, 72, 74, 75, 77, 78, 79, 80, 81, 82, 83, 84, 86, 87, 88, 89,
    95, 96, 102, 104, 107, 108, 110, 131, 186, 202, 213, 217, 218, 228, 229,
    232, 233, 257, 258, 262, 263, 264, 265, 266, 267, 269, 271, 281, 291,
    292, 316, 318, 332, 334, 435, 439, 1000, 1003, 4000};

static int excluded(long nr) {
  switch (nr) {
  case 60: case 231: case 1002: case 62: case 200: case 234: case 1001:
  case 35: case 230: case 22: case 293:
  case 129: case 297: case 15: case 34: case 130: case 128:
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  long seed = number(argv[1]), seconds = number(argv[2]);
  rng = (unsigned long)seed * 0x9e3779b97f4a7c15ul + 1;
  /* The racer's stack and TLS first: a memory call on a pool page with a
   * long length then reaches only pages above them (first fit). */
  char *stack = map_pages(16, PROT_READ | PROT_WRITE);
  char *tls = map_pages(1, PROT_READ | PROT_WRITE);
  char *rw = map_pages(4, PROT_READ | PROT_WRITE);
  char *ro = map_pages(2, PROT_READ);
  char *none = map_pages(1, PROT_NONE);
  char *gone = map_pages(1, PROT_READ | PROT_WRITE);
  HC3(11, gone, 4096, 0);
  for (int i = 0; i < 4; i++)
    shared[i] = map_pages(1, PROT_READ | PROT_WRITE);
  unsigned long gate, w;
  __asm__("mov %%gs:0x10000, %0" : "=r"(gate)); /* slot 0: the gate */
  __asm__("mov %%gs:0x10008, %0" : "=r"(w));    /* slot 1: W */
  add((unsigned long)rw, 1), add((unsigned long)rw + 4096, 1);
  add((unsigned long)rw + 4095, 1), add((unsigned long)rw + 3 * 4096 + 4090, 1);
  add((unsigned long)ro, 1), add((unsigned long)ro + 4093, 1);
  add((unsigned long)none, 1), add((unsigned long)gone, 1);
  add(0, 0), add(1, 0), add(0x1000, 0), add(0x10000, 0);
  add((unsigned long)&main, 0), add((unsigned long)"a string", 0);
  /* Monitor code, the window's read-only table and guards, its view, the
   * neighbouring windows (other cVMs' memory at the same offsets), and
   * pointers whose upper half names another window. */
  add(gate, 0), add(w + 0x10000, 0), add(w, 0), add(w + 0xfff0, 0);
  add(w + (2ul << 30), 0), add(w + (4ul << 30) - 16, 0);
  add(w + (4ul << 30) + ((unsigned long)rw - w), 0);
  add(w - (4ul << 30) + ((unsigned long)rw - w), 0);
  add(((unsigned long)rw & 0xffffffffu) | (w ^ (8ul << 32)), 1);
  add(0xffffffff81000000ul, 0);
  add(0x0000800000000000ul, 0), add(-1ul, 0), add(-4096ul, 0);
  long dir = HC3(2, "/", 0200000 /* O_RDONLY | O_DIRECTORY */, 0);
  if (dir < 0 || HC3(33, dir, 2, 0) != 2 || HC3(3, dir, 0, 0))
    return 3; /* fd 2 must not be the monitor's stderr */
  long tid = hc(1001, (long)racer, 0, (long)(stack + 16 * 4096), (long)tls, 0, 0);
  out("fuzz: seed ");
  out_num(seed);
  out(", racer ");
  out_num(tid > 0);
  out("\n");
  long start = now(), n = 0;
  while (now() - start < seconds) {
    for (int burst = 0; burst < 256; burst++, n++) {
      long nr = next() % 8 ? calls[next() % (sizeof calls / sizeof *calls)]
                           : (long)(next() % 1100);
      if (excluded(nr))
        continue;
      int mm = nr == 9 || nr == 10 || nr == 11 || nr == 25 || nr == 28;
      unsigned long a[6];
      for (int k = 0; k < 6; k++) {
        int kind = (int)(next() % 4);
        a[k] = kind < 2 ? pointer(mm) : kind == 2 ? length() : integer();
      }
      if (a[0] == 1)
        a[0] = 2;
      if ((nr == 33 || nr == 292) && a[1] == 1) /* dup2, dup3 */
        a[1] = 2;
      if (nr == 9 && a[4] == 1) /* mmap of the report, then written */
        a[4] = 2;
      if (nr == 202 && ((int)a[1] & ~384) % 9 == 0 && ((int)a[1] & ~384) <= 9)
        a[1] = ((int)a[1] & 384) | 1; /* FUTEX_WAIT(_BITSET) -> FUTEX_WAKE */
      if (nr == 202 && ((int)a[1] & ~384) == 6)
        a[1] = ((int)a[1] & 384) | 8; /* FUTEX_LOCK_PI -> FUTEX_TRYLOCK_PI */
      if (nr == 7)
        a[2] = 0;
      if (nr == 232 || nr == 281)
        a[3] = 0;
      static const long zero[2]; /* read-only data: no call can change it */
      if (nr == 271)
        a[2] = (unsigned long)zero;
      if (nr == 72 && (a[1] == 7 || a[1] == 38))
        a[1] = 5;
      long r = hc(nr, (long)a[0], (long)a[1], (long)a[2], (long)a[3],
                  (long)a[4], (long)a[5]);
      if (nr == 9 && r > 0 && r % 4096 == 0 && nown < POOL)
        own[nown++] = (unsigned long)r;
      if (nr == 9 && r > 0 && r % 4096 == 0 && nown == POOL) /* quota */
        HC3(11, r, a[1], 0);
    }
  }
  stop = 1;
  while (tid > 0 && !done)
    HC3(24, 0, 0, 0);
  out("fuzz: ");
  out_num(n);
  out(" calls, done\n");
  return 0;
}

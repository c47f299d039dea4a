// The monitor walks a thread's robust futex list when it ends (here with a
// raw exit, so no libc walks it first), as Linux does: every word the
// thread holds becomes FUTEX_OWNER_DIED with its waiters bit kept and a
// waiter is woken; a word another thread holds is left alone; the pending
// entry counts too. set_robust_list wants the head's size; get_robust_list
// reads it back, and another thread's (none: ESRCH). A list that loops
// forever, or leads into unmapped memory, ends the walk and nothing else.
#include "guest.h"
#define WAITERS 0x80000000u
#define OWNER_DIED 0x40000000u
struct entry { unsigned long next; unsigned word, pad; };
struct head { unsigned long next; long off; unsigned long pending; };
static struct entry a, b, c, d, loop;
static struct head head, head2, head3;
static volatile unsigned tid;
static volatile int ready;

static long holder(void *arg) {
  (void)arg;
  tid = (unsigned)HC3(186, 0, 0, 0); /* gettid */
  a.word = tid;                      /* held */
  b.word = tid | WAITERS;            /* held, with a waiter */
  c.word = 99;                       /* another thread's */
  d.word = tid;                      /* pending: being locked */
  a.next = (unsigned long)&b, b.next = (unsigned long)&c;
  c.next = (unsigned long)&head;
  head = (struct head){(unsigned long)&a, 8, (unsigned long)&d};
  long r1 = HC3(273, &head, 16, 0), r2 = HC3(273, &head, 24, 0);
  unsigned long h = 0, len = 0;
  long r3 = HC3(274, 0, &h, &len);
  long r4 = HC3(274, 999, &h, &len);
  ready = (r1 == -22 && r2 == 0 && r3 == 0 && h == (unsigned long)&head &&
           len == 24 && r4 == -3) ? 1 : 2;
  long ts[2] = {0, 200000000};
  HC3(35, ts, 0, 0); /* the main thread waits meanwhile */
  HC3(60, 0, 0, 0);  /* exit, holding a, b and d */
  return 0;
}

static long looper(void *arg) {
  unsigned me = (unsigned)HC3(186, 0, 0, 0);
  loop.word = me;
  loop.next = (unsigned long)&loop; /* never back to the head */
  struct head *hd = arg;
  *hd = (struct head){(unsigned long)&loop, 8, 0};
  if (hd == &head3)
    hd->next = 0x10; /* unmapped */
  HC3(273, hd, 24, 0);
  HC3(60, 0, 0, 0);
  return 0;
}

static void start(long (*fn)(void *), void *arg, char *stack) {
  char *tls = map_pages(1, PROT_READ | PROT_WRITE);
  static unsigned ctid;
  ctid = 1;
  hc(1001, (long)fn, (long)arg, (long)(stack + 16 * 4096), (long)tls,
     (long)&ctid, 0);
  while (ctid) /* cleared when it has ended */
    hc(202, (long)&ctid, 0 /* FUTEX_WAIT */, 1, 0, 0, 0);
}

int main(int argc, char **argv) {
  (void)argc, (void)argv;
  char *stack = map_pages(16, PROT_READ | PROT_WRITE);
  char *tls = map_pages(1, PROT_READ | PROT_WRITE);
  hc(1001, (long)holder, 0, (long)(stack + 16 * 4096), (long)tls, 0, 0);
  while (!ready)
    HC3(24, 0, 0, 0);
  out(ready == 1 ? "set/get_robust_list: ok\n" : "set/get_robust_list: wrong\n");
  long ts[2] = {5, 0};
  long r = hc(202, (long)&b.word, 0, (long)(tid | WAITERS), (long)ts, 0, 0);
  out(r == 0 || r == -11 ? "waiter: woken\n" : "waiter: not woken\n");
  while (d.word == tid)
    HC3(24, 0, 0, 0);
  out(a.word == OWNER_DIED ? "held: owner died\n" : "held: wrong\n");
  out(b.word == (OWNER_DIED | WAITERS) ? "held, waiters: owner died, waiters kept\n"
                                       : "held, waiters: wrong\n");
  out(c.word == 99 ? "another's: untouched\n" : "another's: wrong\n");
  out(d.word == OWNER_DIED ? "pending: owner died\n" : "pending: wrong\n");
  char *s2 = map_pages(16, PROT_READ | PROT_WRITE);
  start(looper, &head2, s2);
  out(loop.word == OWNER_DIED ? "looping list: walked, bounded\n" : "looping list: wrong\n");
  start(looper, &head3, s2);
  out("list into unmapped memory: survived\n");
  return 0;
}

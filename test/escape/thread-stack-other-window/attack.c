/* A thread started with its stack in another window: ORC_HC_THREAD_START
 * with stack = the victim's secret + 64 (its words would be the new
 * thread's first pops and pushes) and another with the monitor's
 * addresses. The monitor takes the stack as a cVM pointer, W + its low
 * 32 bits of the caller (monitor/cvm.c), and checks it is writable there.
 * Must be contained: the thread starts on the attacker's own memory (its
 * %rsp printed is in the own window) or the start answers EFAULT. */
#include "attack.h"

static volatile unsigned long seen_sp;

__attribute__((noreturn)) static void thread_fn(void *arg) {
  unsigned long sp;
  __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
  seen_sp = sp;
  HC3(60, 0, 0, 0); /* exit this thread */
  __builtin_unreachable();
}

static char tls[256] __attribute__((aligned(64)));
static char own_stack[8192] __attribute__((aligned(64)));

int main(int argc, char **argv) {
  unsigned long w = own_window();
  /* an own stack at the victim's offset would be needed for a start to
   * succeed there; use the own stack's offset, one window down */
  unsigned long mine = (unsigned long)(own_stack + sizeof own_stack);
  unsigned long stacks[3] = {victim_secret(argv) + 64, mine - 4 * GiB, 0x7f0000100000ul};
  for (int i = 0; i < 3; i++) {
    seen_sp = 0;
    long r = hc(1001, (long)&thread_fn, 0, (long)stacks[i], (long)tls, 0, 0);
    say("thread start = ", (unsigned long)r);
    struct { long s, ns; } t = {0, 50000000};
    HC3(35, &t, 0, 0);
    if (seen_sp) {
      say("the thread ran on ", seen_sp);
      out(seen_sp - w < 4 * GiB ? "on my own window\n" : "ESCAPED: on another window\n");
    }
  }
  end(0);
}

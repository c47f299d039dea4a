/* A thread started at a byte that is not a bundle start: ORC_HC_THREAD_START
 * takes fn from the cVM, and bundle starts are the only safe entry points
 * (docs/sfi.md B3, C1). Here fn is two bytes into a verified `movabs $imm,
 * %rax`, whose immediate hides `mov (%rdi), %rax; mov %rsi, (%rdi)` (48 8b
 * 07 48 89 37, then 90 90): a plain load and store through the thread's
 * argument, which is the victim's secret's absolute address. Decoding then
 * rejoins the real instructions, which print what was read. Must be
 * contained: the monitor must not start a thread off a bundle start (mask
 * fn as C1 does, or refuse it), so the victim's secret is neither read nor
 * changed. */
#include "attack.h"

__attribute__((used, noreturn)) static void report(unsigned long v) {
  say("thread read ", v);
  end(0); /* exit_group */
}

__asm__(".text\n.p2align 5\n.globl hidden\nhidden:\n"
        " movabs $0x9090378948078b48, %rax\n"
        " mov %rax, %rdi\n"
        " call report\n"
        " ud2\n");
extern char hidden[];

static char stack[16384] __attribute__((aligned(64)));
static char tls[256] __attribute__((aligned(64)));

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv);
  unsigned long fn = (unsigned long)hidden + 2;
  say("starting a thread at ", fn);
  long tid = hc(1001, (long)fn, (long)target, (long)(stack + sizeof stack),
                (long)tls, 0, 0);
  say("thread start: ", (unsigned long)tid);
  struct { long s, ns; } t = {0, 200000000};
  HC3(35, &t, 0, 0);
  end(0);
}

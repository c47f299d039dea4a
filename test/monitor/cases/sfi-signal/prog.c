// Signals into SFI code (docs/sfi.md: built through orc-as and verified):
// a handler entered at a bundle start on a frame in the cVM's own memory,
// returning through the masked return to a bundle-aligned restorer whose
// rt_sigreturn resumes the saved pc; a fault handler on the same path; a
// handler address that is not a bundle start is refused by the monitor
// (the cVM dies when it would be entered). Without signal delivery, the
// first handler never runs.
#include "rt.h"

struct k_sigaction {
  void (*handler)(int, void *, void *);
  unsigned long flags;
  void (*restorer)(void);
  unsigned long mask;
};
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
#define SIGSEGV 11
#define SIGUSR1 10

void restorer(void);
__asm__(".text\n"
        ".p2align 5\n"
        "restorer:\n"
        "  mov %rsp, %rsi\n"
        "  mov $15, %edi\n"
        "  call *%gs:0x10000\n"
        "  ud2\n");

static volatile int ran, faulted;
static volatile long fault_addr;
static volatile char *guard;

static void on_usr1(int sig, void *si, void *uc) {
  (void)si, (void)uc;
  ran = sig;
}

static void on_segv(int sig, void *si, void *uc) {
  (void)sig;
  fault_addr = *(long *)((char *)si + 16); /* si_addr */
  faulted++;
  /* Resume after the faulting store: rip += its length (it is a
   * 32-byte aligned bundle of its own, below: jump to the next). */
  unsigned long *gregs = (unsigned long *)((char *)uc + 40);
  gregs[16] = (gregs[16] + 32) & ~31ul;
}

static void install(int sig, void (*h)(int, void *, void *)) {
  struct k_sigaction sa = {h, SA_SIGINFO | SA_RESTORER, restorer, 0};
  hc(13, sig, (long)&sa, 0, 8, 0, 0);
}

int main(int argc, char **argv) {
  (void)argc, (void)argv;
  install(SIGUSR1, on_usr1);
  hc(200, 1, SIGUSR1, 0, 0, 0, 0); /* tkill(1, SIGUSR1): delivered at its exit */
  out(ran == SIGUSR1 ? "handler ran\n" : "handler did not run\n");
  guard = (char *)hc(9, 0, 4096, 0 /* PROT_NONE */, 0x22, -1, 0);
  install(SIGSEGV, on_segv);
  __asm__ volatile(".p2align 5\n\tmovb $1, %%gs:(%k0)\n\t.p2align 5" ::"r"(guard)
                   : "memory");
  out(faulted == 1 && fault_addr == (long)guard ? "fault handled\n" : "fault not handled\n");
  install(SIGUSR1, (void (*)(int, void *, void *))((char *)on_usr1 + 1));
  out("misaligned handler\n");
  hc(200, 1, SIGUSR1, 0, 0, 0, 0);
  out("entered a misaligned handler\n");
  return 0;
}

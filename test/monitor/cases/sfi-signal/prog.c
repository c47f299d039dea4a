// Signals into SFI code (docs/sfi.md: built through orc-as and verified,
// as every case):
// a handler entered at a bundle start on a frame in the cVM's own memory,
// returning through the masked return to a bundle-aligned restorer whose
// rt_sigreturn resumes the saved pc; a fault handler on the same path
// (one that edits a register of a fault inside a bundle: the saved one is
// loaded, since a pc inside a bundle may be inside a locked sequence); a
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

/* Makes the page writable and edits rbx in the frame: the fault was
 * inside a bundle, so the monitor loads the saved registers instead. */
static void on_segv_fix(int sig, void *si, void *uc) {
  (void)sig, (void)si;
  unsigned long *gregs = (unsigned long *)((char *)uc + 40);
  gregs[11] = 99; /* REG_RBX */
  hc(10, (long)guard, 4096, 3 /* PROT_READ | PROT_WRITE */, 0, 0, 0);
  faulted++;
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
  install(SIGSEGV, on_segv_fix);
  long rbx;
  __asm__ volatile(".p2align 5\n\tnop\n\tmovq $7, %%rbx\n\tmovb $1, %%gs:(%k1)\n\t"
                   "mov %%rbx, %0"
                   : "=r"(rbx)
                   : "r"(guard)
                   : "rbx", "memory");
  out(faulted == 2 && rbx == 7 ? "registers inside a bundle as saved\n"
      : rbx == 99 ? "an edited register loaded inside a bundle\n" : "no second fault\n");
  install(SIGUSR1, (void (*)(int, void *, void *))((char *)on_usr1 + 1));
  out("misaligned handler\n");
  hc(200, 1, SIGUSR1, 0, 0, 0, 0);
  out("entered a misaligned handler\n");
  return 0;
}

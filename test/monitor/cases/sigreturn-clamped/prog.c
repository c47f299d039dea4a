// A forged rt_sigreturn frame whose rip is a bundle start of the code
// zone (where cVM code may jump anyway), with its rsp in the next window
// (the low 32 bits this cVM's own stack buffer) and TF, AC and IOPL set:
// the monitor loads it clamped. The landing code finds rsp in its own
// window (W + the low 32 bits); TF would trap after its first instruction
// and AC make its misaligned load fault (Linux runs user code with
// CR0.AM set): neither happens. Built in SFI form (no pushf to read the
// flags). Before signals were served, the hostcall answered ENOSYS.
#include "rt.h"
#include "sigframe.h"
static struct forged_uc uc;
static unsigned long w;
static unsigned long stack[1024] __attribute__((aligned(16)));
static char bytes[16] __attribute__((aligned(16)));

__attribute__((aligned(32), noinline, noreturn, used)) static void landing(void) {
  unsigned long sp, v;
  __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
  out(sp >> 32 == w >> 32 ? "rsp in its own window\n" : "rsp elsewhere\n");
  out(sp > (unsigned long)&stack[0] && sp <= (unsigned long)&stack[1023]
          ? "on the stack it named\n" : "elsewhere\n");
  __asm__ volatile("mov %1, %0" : "=r"(v) : "m"(*(unsigned long *)(bytes + 1)));
  out(v == 0 ? "no trap, no alignment check\n" : "junk\n");
  rt_exit(0);
}

int main(int argc, char **argv) {
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w));
  unsigned long sp = (unsigned long)&stack[1023];
  uc.gregs[G_RIP] = (unsigned long)landing;
  uc.gregs[G_RSP] = w + (4ul << 30) + (unsigned)sp;
  uc.gregs[G_EFL] = 0x202 | FLAG_TF | FLAG_AC | FLAG_IOPL | FLAG_DF;
  hc(15, (long)&uc, 0, 0, 0, 0, 0);
  out("the hostcall returned\n");
  return 1;
}

// A forged rt_sigreturn frame whose rip is a bundle start of the code
// zone (where cVM code may jump anyway), with its rsp in the next window
// (the low 32 bits this cVM's own stack buffer) and TF, AC and IOPL set:
// the monitor loads it clamped. The landing code finds rsp in its own
// window (W + the low 32 bits), TF, AC and IOPL clear, DF kept. Before
// signals were served, the hostcall answered ENOSYS.
#include "rt.h"
#include "sigframe.h"
static struct forged_uc uc;
static unsigned long w;
static unsigned long stack[1024] __attribute__((aligned(16)));

__attribute__((aligned(32), noinline, noreturn, used)) static void landing(void) {
  unsigned long sp, fl;
  __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
  __asm__ volatile("pushf\n\tpop %0\n\tcld" : "=r"(fl));
  out(sp >> 32 == w >> 32 ? "rsp in its own window\n" : "rsp elsewhere\n");
  out(sp > (unsigned long)&stack[0] && sp <= (unsigned long)&stack[1023]
          ? "on the stack it named\n" : "elsewhere\n");
  out(fl & FLAG_TF ? "TF set\n" : "TF clear\n");
  out(fl & FLAG_AC ? "AC set\n" : "AC clear\n");
  out(fl & FLAG_IOPL ? "IOPL set\n" : "IOPL clear\n");
  out(fl & FLAG_DF ? "DF kept\n" : "DF lost\n");
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

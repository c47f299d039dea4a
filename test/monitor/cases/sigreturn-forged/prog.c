// A forged rt_sigreturn frame, never delivered by the monitor: its rip
// is the gate's (monitor code), its rsp in the next window, TF and IOPL
// set. The monitor refuses a pc it did not save that is not a bundle
// start of the code zone: the cVM dies with SIGSEGV, nothing of the
// frame is loaded (a loaded TF would trap, an rsp in the next window
// would write there). Before signals were served, the hostcall answered
// ENOSYS and "not refused" was printed.
#include "rt.h"
#include "sigframe.h"
static struct forged_uc uc;
int main(int argc, char **argv) {
  unsigned long gate, w;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w));
  uc.gregs[G_RIP] = gate;
  uc.gregs[G_RSP] = w + (4ul << 30) + 0x200000;
  uc.gregs[G_EFL] = 0x202 | FLAG_TF | FLAG_IOPL;
  out("forging a frame\n");
  hc(15, (long)&uc, 0, 0, 0, 0, 0);
  out("not refused\n");
  return 0;
}

// An attacker points GS at a table of its own (wrgsbase: it executes in
// cVM code on this machine kind) whose slots hold what it likes, and
// calls the gate through it. The gate does not believe GS: the hostcall
// is served as this cVM (its own fd 1 and thread id), and GS is W again
// when the gate returns.
#include "rt.h"
static long fake[8192 + 8];
int main(int argc, char **argv) {
  unsigned long w, gate, after;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w));
  for (int i = 0; i < 8; i++)
    fake[8192 + i] = 0x4141414141414141L; /* every slot junk... */
  fake[8192] = (long)gate;                  /* ...but the gate */
  unsigned long base = (unsigned long)&fake[8192] - 0x10000;
  __asm__ volatile("wrgsbase %0" ::"r"(base) : "memory");
  long tid = hc(186, 0, 0, 0, 0, 0, 0); /* gettid, through the fake table */
  long n = hc(1, 1, (long)"served through a forged table\n", 30, 0, 0, 0);
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(after));
  out(tid == 1 ? "as this cVM's thread 1\n" : "as another thread\n");
  out(n == 30 ? "on this cVM's fd 1\n" : "not written\n");
  out(after == w ? "GS is W again\n" : "GS stays forged\n");
  return 0;
}

/* Hostcalls handed pointers into the monitor: write(1, p, 64) to print
 * monitor memory, read(fd, p, n), getcwd(p), clock_gettime(.., p) and
 * uname(p) to overwrite it, with p = the gate's address (monitor text) and
 * 0x7f0000000000 + 64 KiB (where the monitor's heap and libraries live).
 * The monitor treats every cVM pointer as W + its low 32 bits, through
 * guest.c's checked copies. Must be contained: each call answers EFAULT
 * (the folded address is unmapped in the attacker's window) or touches only
 * the attacker's own memory; the monitor goes on. */
#include "attack.h"

static void try(const char *what, long r) {
  out(what);
  out(r == -14 ? " = EFAULT\n" : " = other\n");
  if (r != -14)
    say("  returned ", (unsigned long)r);
}

int main(int argc, char **argv) {
  unsigned long gate;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  unsigned long ps[2] = {gate & ~0xffffful, 0x7f0000000000ul + 0x10000 - 64};
  for (int i = 0; i < 2; i++) {
    unsigned long p = ps[i];
    try("write", HC3(1, 1, p, 64));
    try("read", HC3(0, 0, p, 64));
    try("getcwd", HC3(79, p, 256, 0));
    try("clock_gettime", HC3(228, 0, p, 0));
    try("uname", HC3(63, p, 0, 0));
    try("writev", HC3(20, 1, p, 2));
  }
  end(0);
}

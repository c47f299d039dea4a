// cVM code sets the direction flag (std is an allowed instruction, and
// DF is one of the flags rt_sigreturn may load) and makes a hostcall that
// copies into its memory (uname: guest.c's rep movsb). The gate clears DF
// before the monitor's C code runs: the copy goes forward, into the
// buffer only. Before, it ran backwards from the buffer's first byte:
// monitor stack bytes landed below the buffer, and glibc's own string
// functions ran backwards too.
#include "rt.h"
static struct {
  char before[512];
  char uts[6 * 65];
} m;
int main(int argc, char **argv) {
  (void)argc, (void)argv;
  __asm__ volatile("std" ::: "memory", "cc");
  long r = hc(63, (long)m.uts, 0, 0, 0, 0, 0);
  __asm__ volatile("cld" ::: "memory", "cc");
  int clean = 1;
  for (int i = 0; i < 512; i++)
    clean &= m.before[i] == 0;
  out(r == 0 && m.uts[0] == 'L' && m.uts[1] == 'i' && m.uts[4] == 'x' && !m.uts[5]
          ? "uname: Linux\n" : "uname: wrong\n");
  out(clean ? "nothing written below the buffer\n" : "written below the buffer\n");
  return 0;
}

// A hostcall reads each pointer as W + its low 32 bits, as the hardware
// reads a %gs: operand with 32-bit addressing: arbitrary upper bits on a
// pointer to the stack, to a string literal (shared, shown in the view)
// and to a buffer the monitor writes change nothing.
#include "rt.h"
#define JUNK(p) ((long)(p) ^ 0x5a5a123400000000L)
int main(int argc, char **argv) {
  char stack[] = "stack buffer\n";
  long r = HC3(1, 1, JUNK(stack), sizeof stack - 1);
  out(r == sizeof stack - 1 ? "" : "write from the stack failed\n");
  r = HC3(1, 1, JUNK("string literal\n"), 15);
  out(r == 15 ? "" : "write from a literal failed\n");
  long ts[2] = {0, 0};
  r = HC3(228, 1, JUNK(ts), 0); /* clock_gettime(CLOCK_MONOTONIC) */
  out(r == 0 && (ts[0] || ts[1]) ? "clock_gettime wrote the buffer\n"
                                 : "clock_gettime failed\n");
  r = HC3(1, 1, 0x5a5a123400001000L, 4); /* W + 4 KiB: never mapped */
  out(r == -14 ? "EFAULT below the table\n" : "no EFAULT\n");
  return 0;
}

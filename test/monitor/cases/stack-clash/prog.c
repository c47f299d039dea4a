// A frame larger than the guard below the stack cannot jump it: every
// frame orc-cc (and cvm-cc) builds probes its pages in order
// (-fstack-clash-protection), so writing the far end of a 300 KiB frame
// on the 256 KiB stack faults in the guard page, which the monitor
// reports as a stack overflow, and ends this cVM. Without the probes the
// store skips the guard and lands wherever 300 KiB below is: here the
// never-mapped bottom of the window (a fault that is no stack overflow),
// elsewhere the cVM's own memory, silently.
#include "rt.h"
static __attribute__((noinline)) int deep(int k) {
  char big[300 * 1024];
  __asm__ volatile("" : : "r"(big) : "memory"); /* the frame is real */
  big[0] = (char)k; /* the frame's far end, 300 KiB below its top */
  __asm__ volatile("" : : "r"(big) : "memory");
  return big[0];
}
int main(int argc, char **argv) {
  out("calling\n");
  int r = deep(argc);
  out("survived\n");
  return r & 1;
}

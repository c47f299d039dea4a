// A raw syscall instruction in cVM code is refused by the kernel (seccomp)
// and kills the cVM; the monitor survives to report it.
#include "rt.h"
int main(int argc, char **argv) {
  long r;
  out("trying\n");
  __asm__ volatile("syscall" : "=a"(r) : "0"(39L) : "rcx", "r11", "memory");
  out("escaped\n");
  return 0;
}

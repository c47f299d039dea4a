// int3 is an allowed instruction in SFI code (docs/sfi.md section 6). Its
// SIGTRAP ends this cVM like any other fault of cVM code; before, the
// monitor had no handler for SIGTRAP and the kernel's default action
// ended the whole monitor process, every other cVM with it.
#include "rt.h"
int main(int argc, char **argv) {
  (void)argc, (void)argv;
  out("before int3\n");
  __asm__ volatile("int3");
  out("after int3\n");
  return 0;
}

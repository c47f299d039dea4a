// Pointers outside the cVM's memory are refused with EFAULT.
#include "rt.h"
int main(int argc, char **argv) {
  out_num(HC3(1, 1, 0x1000, 4)); /* unmapped */
  out("\n");
  out_num(HC3(0, 0, (long)&main, 4)); /* read into code: not writable */
  out("\n");
  return 0;
}

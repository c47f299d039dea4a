// A fault in cVM code kills that cVM only, with a message naming it.
#include "rt.h"
int main(int argc, char **argv) {
  out("before\n");
  *(volatile int *)16 = 1;
  out("after\n");
  return 0;
}

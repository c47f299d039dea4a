// Unbounded recursion hits the guard page below the cVM's stack.
#include "rt.h"
static int depth(volatile char *p) {
  volatile char buf[512];
  buf[0] = *p;
  return depth(buf) + buf[1];
}
int main(int argc, char **argv) {
  char c = 0;
  return depth(&c);
}

// An illegal instruction kills the cVM with SIGILL.
#include "rt.h"
int main(int argc, char **argv) {
  __asm__ volatile("ud2");
  return 0;
}

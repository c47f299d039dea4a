// Without networking allowed, socket() is refused with EACCES.
#include "rt.h"
int main(int argc, char **argv) {
  out_num(HC3(41, 2, 1, 0)); /* socket(AF_INET, SOCK_STREAM, 0) */
  out("\n");
  return 0;
}

// argc, argv and the environment arrive as on Linux's initial stack.
#include "rt.h"
int main(int argc, char **argv) {
  out("argc=");
  out_num(argc);
  for (int i = 0; i < argc; i++) {
    out(" [");
    out(argv[i]);
    out("]");
  }
  out("\n");
  for (char **e = argv + argc + 1; *e; e++) {
    out(*e);
    out("\n");
  }
  return 3;
}

// Refused before it starts: it must not run.
#include "rt.h"
int main(int argc, char **argv) {
  (void)argc, (void)argv;
  out("ran\n");
  return 0;
}

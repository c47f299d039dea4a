// A cVM writes to stdout and exits with a status the monitor passes on.
#include "rt.h"
static int calls = 40; /* state: per cVM */
int main(int argc, char **argv) {
  calls += 2;
  out("hello from a cVM\n");
  return calls;
}

// Sleeps two seconds, so that the test can read the monitor's /proc.
#include "rt.h"
int main(int argc, char **argv) {
  struct { long s, ns; } two = {2, 0};
  HC3(35, &two, 0, 0);
  return 0;
}

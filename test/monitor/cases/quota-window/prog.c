// A quota larger than a cVM's window can hold (2 GiB less the table and
// the guard) is refused at creation, with the quota and the limit named.
#include "rt.h"
int main(int argc, char **argv) {
  out("ran\n");
  return 0;
}

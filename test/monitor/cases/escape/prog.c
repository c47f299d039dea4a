// Paths cannot leave the cVM's root: "..", absolute paths and symlinks
// pointing out all resolve inside it.
#include "rt.h"
static void try(const char *path) {
  char buf[64];
  long fd = HC3(2, path, 0, 0);
  out(path);
  if (fd < 0) {
    out(": error ");
    out_num(fd);
  } else {
    long n = HC3(0, fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    out(": ");
    out(buf);
    HC3(3, fd, 0, 0);
  }
  out("\n");
}
int main(int argc, char **argv) {
  try("/inside.txt");
  try("../../../../inside.txt");
  try("sub/../../inside.txt");
  try("/etc/passwd");
  try("link_out");
  try("link_up");
  try("/proc/self/root/etc/passwd");
  return 0;
}

// The same freestanding program twice for verify-test: assembled by orc-as
// (SFI, docs/sfi.md; rt.h's gate call under ORC_TEST_SFI) and by clang's
// own assembler. Exits 42 after one line.
#include "rt.h"

int main(int argc, char **argv) {
  (void)argc, (void)argv;
  out("verified code runs\n");
  return 42;
}

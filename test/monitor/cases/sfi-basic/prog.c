// A program built in SFI form (docs/sfi.md: orc-as as clang's assembler)
// runs in a cVM with the same output as any other build: state through
// the capability table, pointers into its own memory and into shared
// read-only data, a jump table, calls through function pointers, a deep
// frame and a variable-length array (%rsp re-based), returns masked.
#include "rt.h"

static long counter = 5;
static const char *const words[] = {"zero", "one", "two", "three", "four"};

__attribute__((noinline)) static long twice(long x) { return 2 * x; }
__attribute__((noinline)) static long thrice(long x) { return 3 * x; }
static long (*const ops[])(long) = {twice, thrice};

__attribute__((noinline)) static const char *name(int i) {
  switch (i) {
  case 0: return words[0];
  case 1: return words[1];
  case 2: return words[2];
  case 3: return words[3];
  case 4: return words[4];
  case 5: return "five";
  default: return "many";
  }
}

__attribute__((noinline)) static long frame(int n) {
  volatile char big[50000];
  char vla[n];
  for (int i = 0; i < n; i++)
    vla[i] = (char)i;
  big[n] = 7;
  return big[n] + vla[n - 1];
}

int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 7; i++) {
    out(name(i));
    out(" ");
  }
  out("\n");
  counter += ops[argc % 2](counter) + ops[(argc + 1) % 2](1);
  out_num(counter);
  out(" ");
  out_num(frame(10));
  out("\n");
  return 0;
}

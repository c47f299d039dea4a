// Compiler output of C passes through orc-as and the verifier accepts the
// result (a differential check of the stage against the verifier): a
// switch with a jump table, calls through function pointers and the GOT
// (-fno-plt), tail calls, a big stack frame and a variable-length array
// (%rsp writes), varargs, and stack probing.
// RUN: %clang -O2 -fPIC -fno-plt -fstack-clash-protection -S %s -o %t.s
// RUN: %orc_as %t.s -o %t.o
// RUN: %orc_verify %t.o
// RUN: %dis %t.o | FileCheck %s
// RUN: %clang -O0 -fPIC -fno-plt -S %s -o %t0.s
// RUN: %orc_as %t0.s -o %t0.o
// RUN: %orc_verify %t0.o
// CHECK-NOT: {{\sret}}
// CHECK-NOT: {{callq\s+\*[^%]}}
#include <stdarg.h>

extern int ext(int);
extern int (*fp)(int);
int sink(char *p, int n);

int dispatch(int op, int x) {
  switch (op) {
  case 0: return x + 1;
  case 1: return x * 3;
  case 2: return ext(x);
  case 3: return fp(x);
  case 4: return x - 7;
  case 5: return x << 2;
  case 6: return x ^ 0x55;
  default: return -1;
  }
}

int tail(int x) { return fp(x + 1); }

int big_frame(int n) {
  char buf[100000];
  char vla[n];
  buf[n] = 1;
  vla[0] = 2;
  return sink(buf, n) + sink(vla, n);
}

int sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++)
    s += va_arg(ap, int);
  va_end(ap);
  return s;
}

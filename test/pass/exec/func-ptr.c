// Function pointers in state: a static table of callbacks and a function
// pointer variable, changed independently per instance. The functions
// themselves are shared code.
//
// RUN: %cc_orc -O0 -c %s -o %t.o0.o
// RUN: %cc_host -DORC_DRIVER -c %s -o %t.drv.o
// RUN: %link_harness %t.o0.o %t.drv.o -o %t.O0
// RUN: %t.O0 | FileCheck %s
// RUN: %cc_orc -O2 -c %s -o %t.o2.o
// RUN: %link_harness %t.o2.o %t.drv.o -o %t.O2
// RUN: %t.O2 | FileCheck %s

#ifdef ORC_DRIVER
#include "orc_harness.h"
#include <stdio.h>
void select_op(int i);
int apply(int x);
void swap_callbacks(int i, int j);
int apply_all(int x);
void *op_addr(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  select_op(1);
  orc_harness_enter(1);
  select_op(2);
  swap_callbacks(0, 1);
  orc_harness_enter(0);
  // CHECK: a: apply=10 all=-12
  printf("a: apply=%d all=%d\n", apply(5), apply_all(5));
  orc_harness_enter(1);
  // CHECK-NEXT: b: apply=-5 all=-11
  printf("b: apply=%d all=%d\n", apply(5), apply_all(5));
  // Both instances call the same shared function for the same slot.
  orc_harness_enter(0);
  select_op(0);
  void *f0 = op_addr();
  orc_harness_enter(1);
  select_op(1);
  void *f1 = op_addr();
  // CHECK-NEXT: same code: 1
  printf("same code: %d\n", f0 == f1);
  return 0;
}
#else
static int add1(int x) { return x + 1; }
static int twice(int x) { return x * 2; }
static int negate(int x) { return -x; }

static int (*callbacks[3])(int) = {add1, twice, negate};
static int (*op)(int) = add1;

void select_op(int i) { op = callbacks[i]; }
int apply(int x) { return op(x); }

void swap_callbacks(int i, int j) {
  int (*t)(int) = callbacks[i];
  callbacks[i] = callbacks[j];
  callbacks[j] = t;
}

int apply_all(int x) {
  for (int i = 0; i < 3; i++)
    x = callbacks[i](x);
  return x;
}

void *op_addr(void) { return (void *)op; }
#endif

// Label addresses (GNU computed goto) in state and in a shared const table:
// a per-instance "resume point" survives between calls independently.
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
int step(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  int a1 = step();
  int a2 = step();
  orc_harness_enter(1);
  int b1 = step();
  orc_harness_enter(0);
  int a3 = step();
  int a4 = step();
  orc_harness_enter(1);
  int b2 = step();
  int b3 = step();
  // CHECK: a: 1 2 3 1
  printf("a: %d %d %d %d\n", a1, a2, a3, a4);
  // CHECK-NEXT: b: 1 2 3
  printf("b: %d %d %d\n", b1, b2, b3);
  return 0;
}
#else
// A three-state machine: each call runs one state and remembers the next.
static void *resume;
static int calls;

int step(void) {
  static void *const states[] = {&&first, &&second, &&third};
  calls++;
  if (!resume)
    resume = states[0];
  goto *resume;
first:
  resume = states[1];
  return 1;
second:
  resume = states[2];
  return 2;
third: // returns this instance's call count
  resume = states[0];
  return calls;
}
#endif

// Static locals of an inline function (C++: a linkonce_odr global in a
// comdat), used from two functions here and one in a second translation
// unit: one counter per instance, shared by all three callers.
//
// RUN: %cc_orc -x c++ -O0 -c %s -o %t.o0.o
// RUN: %cc_orc -x c++ -O0 -c %S/Inputs/inline-static-b.c -o %t.b0.o
// RUN: %cc_host -DORC_DRIVER -c %s -o %t.drv.o
// RUN: %link_harness %t.o0.o %t.b0.o %t.drv.o -o %t.O0
// RUN: %t.O0 | FileCheck %s
// RUN: %cc_orc -x c++ -O2 -c %s -o %t.o2.o
// RUN: %cc_orc -x c++ -O2 -c %S/Inputs/inline-static-b.c -o %t.b2.o
// RUN: %link_harness %t.o2.o %t.b2.o %t.drv.o -o %t.O2
// RUN: %t.O2 | FileCheck %s

#ifdef ORC_DRIVER
#include "orc_harness.h"
#include <stdio.h>
int take_a(void);
int take_b(void);
int take_c(void);
int total_taken(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  take_a();
  take_b();
  take_c();
  orc_harness_enter(1);
  take_c();
  orc_harness_enter(0);
  // CHECK: a: 4 5 6 total=21
  int a1 = take_a(), a2 = take_b(), a3 = take_c();
  printf("a: %d %d %d total=%d\n", a1, a2, a3, total_taken());
  orc_harness_enter(1);
  // CHECK-NEXT: b: 2 3 4 total=10
  int b1 = take_a(), b2 = take_b(), b3 = take_c();
  printf("b: %d %d %d total=%d\n", b1, b2, b3, total_taken());
  return 0;
}
#else
#include "Inputs/inline-static.h"

extern "C" int take_a(void) {
  int t = next_ticket();
  ticket_sum() += t;
  return t;
}

extern "C" int take_b(void) {
  int t = next_ticket();
  ticket_sum() += t;
  return t;
}
#endif

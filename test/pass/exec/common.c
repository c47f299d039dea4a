// Tentative definitions built with -fcommon (common symbols) are state like
// any other: they live inside each instance, with independent values.
//
// RUN: %cc_orc -fcommon -O0 -c %s -o %t.o0.o
// RUN: %cc_host -DORC_DRIVER -c %s -o %t.drv.o
// RUN: %link_harness %t.o0.o %t.drv.o -o %t.O0
// RUN: %t.O0 | FileCheck %s
// RUN: %cc_orc -fcommon -O2 -c %s -o %t.o2.o
// RUN: %link_harness %t.o2.o %t.drv.o -o %t.O2
// RUN: %t.O2 | FileCheck %s

#ifdef ORC_DRIVER
#include "orc_harness.h"
#include <stdio.h>
int bump(int by);
void *addr_of_last(void);

static int own(void *p, int instance) {
  char *base = orc_harness_instance(instance);
  return (char *)p >= base && (char *)p < base + orc_harness_template_size();
}

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  bump(1);
  void *a = addr_of_last();
  orc_harness_enter(1);
  bump(10);
  void *b = addr_of_last();
  // CHECK: own: 1 1
  printf("own: %d %d\n", own(a, 0), own(b, 1));
  orc_harness_enter(0);
  // CHECK-NEXT: a=1
  printf("a=%d\n", bump(0));
  orc_harness_enter(1);
  // CHECK-NEXT: b=10
  printf("b=%d\n", bump(0));
  return 0;
}
#else
int tentative;
int tentative_big[3000];

int bump(int by) {
  tentative_big[2999] += by;
  return tentative += by;
}
void *addr_of_last(void) { return &tentative_big[2999]; }
#endif

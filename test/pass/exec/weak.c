// Weak globals and a weak alias of a static (musl's weak_alias pattern):
// each is per-instance state, through either name.
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
int bump_weak(int by);
int bump_weak_zero(void);
void add_total(int v);
int read_total_alias(void);
void set_total_alias(int v);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  bump_weak(1);
  add_total(4);
  orc_harness_enter(1);
  bump_weak(20);
  bump_weak_zero();
  bump_weak_zero();
  set_total_alias(70);
  add_total(1);
  orc_harness_enter(0);
  // CHECK: a: weak=11 zero=1 total=4
  printf("a: weak=%d ", bump_weak(0));
  printf("zero=%d total=%d\n", bump_weak_zero(), read_total_alias());
  orc_harness_enter(1);
  // CHECK-NEXT: b: weak=30 zero=3 total=71
  printf("b: weak=%d ", bump_weak(0));
  printf("zero=%d total=%d\n", bump_weak_zero(), read_total_alias());
  return 0;
}
#else
__attribute__((weak)) int weak_counter = 10;
__attribute__((weak)) int weak_zero;

static int hidden_total;
extern int total __attribute__((weak, alias("hidden_total")));

int bump_weak(int by) { return weak_counter += by; }
int bump_weak_zero(void) { return ++weak_zero; }
void add_total(int v) { hidden_total += v; }
int read_total_alias(void) { return total; }
void set_total_alias(int v) { total = v; }
#endif

// Atomics on state: fetch-add, exchange, compare-exchange, atomic loads
// and stores, on integers and on a pointer to other state.
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
int hit(void);
long add_total(long v);
int try_claim(int owner);
int release_claim(void);
int current_owner(void);
int swap_target(void);
int read_target(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  hit();
  hit();
  add_total(5);
  int c0 = try_claim(7);
  orc_harness_enter(1);
  hit();
  add_total(-50);
  int c1 = try_claim(9);
  int c1again = try_claim(3);
  swap_target();
  // CHECK: claims: 1 1 0
  printf("claims: %d %d %d\n", c0, c1, c1again);
  orc_harness_enter(0);
  // CHECK-NEXT: a: hits=3 total=106 owner=7 target=1
  int h = hit();
  printf("a: hits=%d total=%ld owner=%d target=%d\n", h, add_total(1),
         current_owner(), read_target());
  orc_harness_enter(1);
  // CHECK-NEXT: b: hits=2 total=51 owner=9 target=2
  h = hit();
  printf("b: hits=%d total=%ld owner=%d target=%d\n", h, add_total(1),
         current_owner(), read_target());
  // CHECK-NEXT: b: released=9 owner=0
  int r = release_claim();
  printf("b: released=%d owner=%d\n", r, current_owner());
  orc_harness_enter(0);
  // CHECK-NEXT: a: owner=7
  printf("a: owner=%d\n", current_owner());
  return 0;
}
#else
#include <stdatomic.h>

static atomic_int hits;
static atomic_long total = 100;
static int owner;
static int one = 1, two = 2;
static int *_Atomic target = &one;

int hit(void) { return atomic_fetch_add(&hits, 1) + 1; }

long add_total(long v) {
  return atomic_fetch_add_explicit(&total, v, memory_order_relaxed) + v;
}

int try_claim(int me) {
  int expected = 0;
  return __atomic_compare_exchange_n(&owner, &expected, me, 0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE);
}

int release_claim(void) {
  return __atomic_exchange_n(&owner, 0, __ATOMIC_RELEASE);
}
int current_owner(void) { return __atomic_load_n(&owner, __ATOMIC_ACQUIRE); }

// Replace &one with &two if it is still &one.
int swap_target(void) {
  int *expected = &one;
  return atomic_compare_exchange_strong(&target, &expected, &two);
}

int read_target(void) { return *atomic_load(&target); }
#endif

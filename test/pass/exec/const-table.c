// Const pointer tables: a const table of pointers to state (and a const
// pointer to that table) become per-instance state; a const table of string
// pointers and a plain const table stay shared.
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
void set(int i, int v);
int get(int i);
int get_via_chain(int i);
const char *name(int i);
int square(int i);
const void *table_addr(void);

int main(void) {
  if (orc_harness_init(3))
    return 1;
  for (int i = 0; i < 3; i++) {
    orc_harness_enter(i);
    set(1, 20 * (i + 1));
  }
  orc_harness_enter(2);
  set(2, 999);
  for (int i = 0; i < 3; i++) {
    orc_harness_enter(i);
    // CHECK: 0: 1 20 3 chain=20 beta 9
    // CHECK-NEXT: 1: 1 40 3 chain=40 beta 9
    // CHECK-NEXT: 2: 1 60 999 chain=60 beta 9
    printf("%d: %d %d %d chain=%d %s %d\n", i, get(0), get(1), get(2),
           get_via_chain(1), name(1), square(3));
  }
  // The string table is shared: one address for every instance. The
  // state table is not.
  orc_harness_enter(0);
  const char *n0 = name(2);
  const void *t0 = table_addr();
  orc_harness_enter(1);
  const char *n1 = name(2);
  const void *t1 = table_addr();
  // CHECK-NEXT: shared names: 1, own tables: 1
  printf("shared names: %d, own tables: %d\n", n0 == n1,
         t0 != t1 && (const char *)t0 >= (char *)orc_harness_instance(0) &&
             (const char *)t1 >= (char *)orc_harness_instance(1));
  return 0;
}
#else
static int a = 1, b = 2, c = 3;
static int *const table[] = {&a, &b, &c};
static int *const *const chain = table;
static const char *const names[] = {"alpha", "beta", "gamma"};
static const int squares[] = {0, 1, 4, 9, 16};

void set(int i, int v) { *table[i] = v; }
int get(int i) { return *table[i]; }
int get_via_chain(int i) { return *chain[i]; }
const char *name(int i) { return names[i]; }
int square(int i) { return squares[i]; }
const void *table_addr(void) { return table; }
#endif

// Two instances of the same compiled code keep independent state: counters
// (.data and .bss), a static local, a pointer stored in state, and a const
// pointer table (which becomes state because it holds state addresses).
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
int bump(int by);
int read_via_table(int which);
int *current(void);
void point_at(int which);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  bump(1);
  bump(1);
  orc_harness_enter(1);
  bump(100);
  point_at(1);
  orc_harness_enter(0);
  // CHECK: a: bump=3 table0=3 table1=7 cur=3
  printf("a: bump=%d table0=%d table1=%d cur=%d\n", bump(1), read_via_table(0),
         read_via_table(1), *current());
  orc_harness_enter(1);
  // CHECK: b: bump=101 table0=101 table1=7 cur=7
  printf("b: bump=%d table0=%d table1=%d cur=%d\n", bump(1), read_via_table(0),
         read_via_table(1), *current());
  // Each instance's pointer points into its own instance.
  orc_harness_enter(0);
  int *a = current();
  orc_harness_enter(1);
  int *b = current();
  // CHECK: own: 1 1
  printf("own: %d %d\n",
         (char *)a >= (char *)orc_harness_instance(0) &&
             (char *)a < (char *)orc_harness_instance(0) + orc_harness_template_size(),
         (char *)b >= (char *)orc_harness_instance(1) &&
             (char *)b < (char *)orc_harness_instance(1) + orc_harness_template_size());
  return 0;
}
#else
int count;            // .bss
int seven = 7;        // .data
static int *cur = &count;
static int *const table[] = {&count, &seven};

int bump(int by) {
  static int calls; // a static local is state too
  calls++;
  count += by;
  return count + 0 * calls;
}
int read_via_table(int which) { return *table[which]; }
int *current(void) { return cur; }
void point_at(int which) { cur = table[which]; }
#endif

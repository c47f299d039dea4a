// Phi- and select-heavy code choosing between state addresses: switches
// (which -O2 may turn into a table of state addresses), conditional
// operators, and a loop carrying a pointer that rotates through state.
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
void set_by_switch(int k, int v);
int get_by_select(int k);
int rotate_sum(int n);
int max_of_three(void);
int last_index(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  set_by_switch(0, 10);
  set_by_switch(3, 30);
  orc_harness_enter(1);
  set_by_switch(2, 300);
  set_by_switch(1, 200);
  for (int i = 0; i < 2; i++) {
    orc_harness_enter(i);
    // CHECK: 0: 10 2 30 rot=54 max=30 last=2
    // CHECK-NEXT: 1: 1 200 300 rot=702 max=300 last=1
    printf("%d: %d %d %d rot=%d max=%d last=%d\n", i, get_by_select(0),
           get_by_select(1), get_by_select(2), rotate_sum(5), max_of_three(),
           last_index());
  }
  return 0;
}
#else
static int a = 1, b = 2, c = 3;
static int *last;

void set_by_switch(int k, int v) {
  int *p;
  switch (k) {
  case 0:
    p = &a;
    break;
  case 1:
    p = &b;
    break;
  default:
    p = &c;
    break;
  }
  *p = v;
  last = p;
}

int get_by_select(int k) { return *(k == 0 ? &a : k == 1 ? &b : &c); }

// Sums a, b, c, a, b, ... n times.
int rotate_sum(int n) {
  int *p = &a;
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += *p;
    p = p == &a ? &b : p == &b ? &c : &a;
  }
  return s;
}

int max_of_three(void) {
  int *m = a > b ? &a : &b;
  m = *m > c ? m : &c;
  return *m;
}

int last_index(void) { return last == &a ? 0 : last == &b ? 1 : 2; }
#endif

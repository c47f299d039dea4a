// A struct with nested pointers (to other state, to itself, to shared
// strings), read and written through several levels of indirection.
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
int deep_get(int which);
void deep_set(int which, int v);
const char *label(int which);
int self_ok(void);
void relink(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  deep_set(0, 50);
  orc_harness_enter(1);
  deep_set(1, 61);
  relink();
  for (int i = 0; i < 2; i++) {
    orc_harness_enter(i);
    // CHECK: 0: 50 6 50 in0 a0 self=1
    // CHECK-NEXT: 1: 61 6 6 in0 a1 self=1
    printf("%d: %d %d %d %s %s self=%d\n", i, deep_get(0), deep_get(1),
           deep_get(2), label(0), label(1), self_ok());
  }
  return 0;
}
#else
struct inner {
  int *val;
  const char *label;
};
struct outer {
  struct inner *in;
  struct inner arr[2];
  struct outer *self;
  struct inner **indirect;
};

static int v1 = 5, v2 = 6;
static struct inner in0 = {&v1, "in0"};
static struct inner *in_ptr = &in0;
static struct outer o = {&in0, {{&v2, "a0"}, {&v1, "a1"}}, &o, &in_ptr};

// 0: o.in->val, 1: o.arr[0].val, 2: (*o.indirect)->val
int deep_get(int which) {
  switch (which) {
  case 0:
    return *o.self->in->val;
  case 1:
    return *o.arr[0].val;
  default:
    return *(*o.self->indirect)->val;
  }
}

void deep_set(int which, int v) {
  if (which == 0)
    *o.in->val = v;
  else
    *o.self->arr[1].val = v;
}

// Instance-local rewiring: the indirect pointer now reaches arr[0] (whose
// value is v2), and arr[0] takes arr[1]'s label.
void relink(void) {
  in_ptr = &o.arr[0];
  o.arr[0].label = o.arr[1].label;
}

const char *label(int which) { return which ? o.arr[0].label : o.in->label; }
int self_ok(void) { return o.self == &o && *o.indirect == in_ptr; }
#endif

// At -O2 (and -O1/-O3/-Os) a function touching three state variables in a
// loop loads the slot and the delta (%gs:) once, at entry, never in the
// loop: both when the variables live in registers across the loop and when
// a call forces a reload of every variable on every iteration.
//
// RUN: %cc_orc -O2 -S -o - %s | FileCheck %s
// RUN: %cc_orc -O1 -S -o - %s | FileCheck %s
// RUN: %cc_orc -O3 -S -o - %s | FileCheck %s
// RUN: %cc_orc -Os -S -o - %s | FileCheck %s

void sink(int);

int a, b;
static long c;

// CHECK-LABEL: step:
// CHECK: movq __orc_slot(%rip), %[[SLOT:[a-z0-9]+]]
// CHECK-NEXT: movq %gs:65536(,%[[SLOT]],8), %{{[a-z0-9]+}}
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: Loop Header
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: ret
int step(int n) {
  for (int i = 0; i < n; i++) {
    a += i;
    b ^= a;
    c += b;
  }
  return a + b + (int)c;
}

// CHECK-LABEL: step_call:
// CHECK-COUNT-1: __orc_slot(%rip)
// CHECK-NOT: __orc_slot
// CHECK-COUNT-1: %gs:
// CHECK-NOT: %gs:
// CHECK: Loop Header
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: callq sink
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: ret
int step_call(int n) {
  for (int i = 0; i < n; i++) {
    a += i;
    sink(a);
    b ^= a;
    c += b;
  }
  return a + b + (int)c;
}

// A function that touches no state has neither.
// CHECK-LABEL: no_state:
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: .size no_state
int no_state(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += i * i;
  return s;
}

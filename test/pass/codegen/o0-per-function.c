// At -O0 the delta is still loaded once per function (at entry), not once
// per access: each function below has one __orc_slot load and one %gs:
// load however many state accesses, blocks and loop iterations it has.
//
// RUN: %cc_orc -O0 -S -o - %s | FileCheck %s

int a, b;
static int c;
extern int e;

// CHECK-LABEL: mix:
// CHECK-COUNT-1: __orc_slot(%rip)
// CHECK-NOT: __orc_slot
// CHECK-COUNT-1: %gs:
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: .size mix
int mix(int n) {
  if (n > 0)
    a += n;
  else
    b -= n;
  for (int i = 0; i < n; i++)
    c += a + b;
  return a + b + c + e;
}

// CHECK-LABEL: addr:
// CHECK-COUNT-1: __orc_slot(%rip)
// CHECK-COUNT-1: %gs:
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: .size addr
int *addr(void) { return &a; }

// CHECK-LABEL: none:
// CHECK-NOT: %gs:
// CHECK-NOT: __orc_slot
// CHECK: .size none
int none(int x) { return x * 2; }

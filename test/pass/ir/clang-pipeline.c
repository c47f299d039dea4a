// Under clang -fpass-plugin the pass runs at every -O level (at -O0 on
// optnone functions too), after the optimiser: the emitted IR is
// rewritten, carries the note, and has one delta load per function.
//
// RUN: %cc_orc -O0 -S -emit-llvm -o - %s | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %cc_orc -O1 -S -emit-llvm -o - %s | FileCheck %s
// RUN: %cc_orc -O2 -S -emit-llvm -o - %s | FileCheck %s
// RUN: %cc_orc -O3 -S -emit-llvm -o - %s | FileCheck %s
// RUN: %cc_orc -Os -S -emit-llvm -o - %s | FileCheck %s
// RUN: %cc_orc -Oz -S -emit-llvm -o - %s | FileCheck %s
// RUN: %cc_orc -fPIE -O2 -S -emit-llvm -o - %s | FileCheck %s

// CHECK: @counter = dso_local global i32 0, section "orc_state.zero", align 4
// CHECK: @__orc_slot = linkonce_odr hidden global i64 0, section "orc_slot", comdat, align 8
// CHECK: @__orc_note = private constant {{.*}} c"ORC\00", i32 1, i32 19 }>, section ".note.orc"

int counter;
extern int limit;

// O0: ; Function Attrs: {{.*}}optnone
// CHECK-LABEL: define {{.*}}i32 @bump(
// CHECK-COUNT-1: load i64, ptr @__orc_slot, align 8, !invariant.load
// CHECK-COUNT-1: load i64, ptr addrspace(256) %{{.*}}, align 8, !invariant.load
// CHECK-NOT: addrspace(256)
// CHECK: getelementptr i8, ptr @counter, i64 %
// CHECK: getelementptr i8, ptr @__orc_imp.limit, i64 %
// CHECK-NOT: addrspace(256)
// CHECK: ret i32
int bump(int by) {
  if (counter + by > limit)
    return counter;
  return counter += by;
}

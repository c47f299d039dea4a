; Transitive constants: c2 holds &c1, c1 holds &x. Both become state, even
; though c2 is defined before c1 (the classification runs to a fixed point).
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@c3 = constant ptr @c2, align 8
@c2 = constant ptr @c1, align 8
@c1 = constant ptr @x, align 8
@x = global i32 0, align 4

; CHECK: @c3 = dso_local global ptr @c2, section "orc_state", align 8
; CHECK: @c2 = dso_local global ptr @c1, section "orc_state", align 8
; CHECK: @c1 = dso_local global ptr @x, section "orc_state", align 8
; CHECK: @x = dso_local global i32 0, section "orc_state.zero", align 4

; CHECK-LABEL: define i32 @deref3()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %c3.cvm = getelementptr i8, ptr @c3, i64 %orc.delta
; CHECK-NEXT: %p2 = load ptr, ptr %c3.cvm
define i32 @deref3() {
  %p2 = load ptr, ptr @c3, align 8
  %p1 = load ptr, ptr %p2, align 8
  %px = load ptr, ptr %p1, align 8
  %v = load i32, ptr %px, align 4
  ret i32 %v
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

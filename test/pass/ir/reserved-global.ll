; Globals named __orc_* are the runtime's: they are not state (no section,
; constness and linkage kept) and their uses are not rewritten; nor is a
; constant that points at one made state.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@__orc_runtime_flag = global i32 0, align 4
@__orc_ext = external global i32, align 4
@points_at_runtime = constant ptr @__orc_runtime_flag, align 8

; CHECK: @__orc_runtime_flag = global i32 0, align 4
; CHECK: @__orc_ext = external global i32, align 4
; CHECK: @points_at_runtime = constant ptr @__orc_runtime_flag, align 8
; CHECK-NOT: @__orc_imp.__orc_ext

; CHECK-LABEL: define i32 @read_flag()
; CHECK-NEXT: %v = load i32, ptr @__orc_runtime_flag, align 4
; CHECK-NEXT: %w = load i32, ptr @__orc_ext, align 4
; CHECK-NEXT: %p = load ptr, ptr @points_at_runtime, align 8
; CHECK-NOT: orc.delta
; CHECK: ret i32
define i32 @read_flag() {
  %v = load i32, ptr @__orc_runtime_flag, align 4
  %w = load i32, ptr @__orc_ext, align 4
  %p = load ptr, ptr @points_at_runtime, align 8
  %u = load i32, ptr %p, align 4
  %s = add i32 %v, %w
  %t = add i32 %s, %u
  ret i32 %t
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

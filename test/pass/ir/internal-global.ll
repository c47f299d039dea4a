; An internal (file-static) global is state: section added, linkage and
; visibility kept, no dso_local keyword added (local linkage implies it).
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@hidden_counter = internal global i64 5, align 8

; CHECK: @hidden_counter = internal global i64 5, section "orc_state", align 8

; CHECK-LABEL: define void @inc()
; CHECK: %orc.delta = load i64
; CHECK: %[[A:hidden_counter.cvm[0-9]*]] = getelementptr i8, ptr @hidden_counter, i64 %orc.delta
; CHECK-NEXT: %v = load i64, ptr %[[A]]
; CHECK: %[[B:hidden_counter.cvm[0-9]*]] = getelementptr i8, ptr @hidden_counter, i64 %orc.delta
; CHECK-NEXT: store i64 %n, ptr %[[B]]
define void @inc() {
  %v = load i64, ptr @hidden_counter, align 8
  %n = add i64 %v, 1
  store i64 %n, ptr @hidden_counter, align 8
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

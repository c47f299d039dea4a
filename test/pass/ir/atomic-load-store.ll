; Atomic loads and stores of state keep their ordering and volatility.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@ready = global i32 0, align 4

; CHECK-LABEL: define i32 @acquire()
; CHECK: %ready.cvm = getelementptr i8, ptr @ready, i64 %orc.delta
; CHECK-NEXT: %v = load atomic i32, ptr %ready.cvm acquire, align 4
define i32 @acquire() {
  %v = load atomic i32, ptr @ready acquire, align 4
  ret i32 %v
}

; CHECK-LABEL: define void @release(i32 %v)
; CHECK: %ready.cvm = getelementptr i8, ptr @ready, i64 %orc.delta
; CHECK-NEXT: store atomic volatile i32 %v, ptr %ready.cvm release, align 4
define void @release(i32 %v) {
  store atomic volatile i32 %v, ptr @ready release, align 4
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

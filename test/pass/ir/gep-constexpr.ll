; A GEP constant expression on state becomes a GEP instruction whose base
; is &x + delta; the original (inbounds) indices are kept.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.pair = type { i32, [8 x i32] }
@p = global %struct.pair zeroinitializer, align 4

; CHECK-LABEL: define i32 @field()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %p.cvm = getelementptr i8, ptr @p, i64 %orc.delta
; CHECK-NEXT: %[[G:[0-9]+]] = getelementptr inbounds %struct.pair, ptr %p.cvm, i64 0, i32 1, i64 5
; CHECK-NEXT: %v = load i32, ptr %[[G]], align 4
define i32 @field() {
  %v = load i32, ptr getelementptr inbounds (%struct.pair, ptr @p, i64 0, i32 1, i64 5), align 4
  ret i32 %v
}

; CHECK-LABEL: define void @store_byte()
; CHECK: %p.cvm = getelementptr i8, ptr @p, i64 %orc.delta
; CHECK-NEXT: %[[G:[0-9]+]] = getelementptr i8, ptr %p.cvm, i64 3
; CHECK-NEXT: store i8 1, ptr %[[G]]
define void @store_byte() {
  store i8 1, ptr getelementptr (i8, ptr @p, i64 3), align 1
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

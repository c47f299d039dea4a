; A plain constant table (no addresses) stays shared: constant, no
; section, read directly without a delta.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@squares = constant [5 x i32] [i32 0, i32 1, i32 4, i32 9, i32 16], align 16

; CHECK: @squares = {{(local_unnamed_addr )?}}constant [5 x i32] [i32 0, i32 1, i32 4, i32 9, i32 16], align 16
; CHECK-NOT: orc_state

; CHECK-LABEL: define {{.*}}i32 @square(i64 %i)
; CHECK-NOT: orc.delta
; CHECK-NOT: orc.slot
; CHECK: getelementptr inbounds [5 x i32], ptr @squares, i64 0, i64 %i
; CHECK-NOT: orc.delta
; CHECK: ret i32
define i32 @square(i64 %i) {
  %p = getelementptr inbounds [5 x i32], ptr @squares, i64 0, i64 %i
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

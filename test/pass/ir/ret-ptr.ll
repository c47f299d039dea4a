; Returning a state address returns the running cVM's copy.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@arr = global [10 x i64] zeroinitializer, align 8

; CHECK-LABEL: define {{.*}}ptr @addr_x()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: ret ptr %x.cvm
define ptr @addr_x() {
  ret ptr @x
}

; CHECK-LABEL: define {{.*}}ptr @addr_elt()
; CHECK: %arr.cvm = getelementptr i8, ptr @arr, i64 %orc.delta
; CHECK-NEXT: %[[G:[0-9]+]] = getelementptr inbounds {{.*}}ptr %arr.cvm, i64 {{.*}}
; CHECK-NEXT: ret ptr %[[G]]
define ptr @addr_elt() {
  ret ptr getelementptr inbounds ([10 x i64], ptr @arr, i64 0, i64 3)
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

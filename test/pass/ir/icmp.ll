; Comparing a pointer with a state address compares with the cVM's copy.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@sentinel = global i8 0, align 1
@arr = global [8 x i32] zeroinitializer, align 4

; CHECK-LABEL: define i1 @is_sentinel(ptr %p)
; CHECK: %sentinel.cvm = getelementptr i8, ptr @sentinel, i64 %orc.delta
; CHECK-NEXT: %r = icmp eq ptr %p, %sentinel.cvm
define i1 @is_sentinel(ptr %p) {
  %r = icmp eq ptr %p, @sentinel
  ret i1 %r
}

; CHECK-LABEL: define i1 @in_arr(ptr %p)
; CHECK: %arr.cvm = getelementptr i8, ptr @arr, i64 %orc.delta
; CHECK-NEXT: %lo = icmp uge ptr %p, %arr.cvm
; CHECK-NEXT: %[[E:arr.cvm[0-9]+]] = getelementptr i8, ptr @arr, i64 %orc.delta
; CHECK-NEXT: %[[END:[0-9]+]] = getelementptr i8, ptr %[[E]], i64 32
; CHECK-NEXT: %hi = icmp ult ptr %p, %[[END]]
define i1 @in_arr(ptr %p) {
  %lo = icmp uge ptr %p, @arr
  %hi = icmp ult ptr %p, getelementptr (i8, ptr @arr, i64 32)
  %r = and i1 %lo, %hi
  ret i1 %r
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Casts of a state address (ptrtoint constant expression, ptrtoint and
; no-op bitcast instructions): the cast applies to &x + delta.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4

; CHECK-LABEL: define i64 @as_int()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %i = ptrtoint ptr %x.cvm to i64
; CHECK-NEXT: ret i64 %i
define i64 @as_int() {
  %i = ptrtoint ptr @x to i64
  ret i64 %i
}

; CHECK-LABEL: define ptr @as_ptr()
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %p = bitcast ptr %x.cvm to ptr
; CHECK-NEXT: ret ptr %p
define ptr @as_ptr() {
  %p = bitcast ptr @x to ptr
  ret ptr %p
}

; CHECK-LABEL: define i32 @truncated()
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %[[I:[0-9]+]] = ptrtoint ptr %x.cvm to i32
; CHECK-NEXT: %t = add i32 %[[I]], 1
define i32 @truncated() {
  %t = add i32 ptrtoint (ptr @x to i32), 1
  ret i32 %t
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

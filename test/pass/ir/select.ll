; A select between two state addresses: both operands become &x + delta
; before the select.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s --check-prefix=O2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@a = global i32 1, align 4
@b = global i32 2, align 4

; CHECK-LABEL: define i32 @choose(i1 %c)
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %a.cvm = getelementptr i8, ptr @a, i64 %orc.delta
; CHECK-NEXT: %b.cvm = getelementptr i8, ptr @b, i64 %orc.delta
; CHECK-NEXT: %p = select i1 %c, ptr %a.cvm, ptr %b.cvm
; CHECK-NEXT: %v = load i32, ptr %p
; O2-LABEL: define {{.*}}i32 @choose(i1 {{.*}}%c)
; O2: %orc.delta = load i64
; O2-DAG: getelementptr i8, ptr @a, i64 %orc.delta
; O2-DAG: getelementptr i8, ptr @b, i64 %orc.delta
; O2-NOT: ptr @a
; O2-NOT: ptr @b
; O2: ret i32
define i32 @choose(i1 %c) {
  %p = select i1 %c, ptr @a, ptr @b
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

; CHECK-LABEL: define ptr @or_null(i1 %c)
; CHECK: %a.cvm = getelementptr i8, ptr @a, i64 %orc.delta
; CHECK-NEXT: %p = select i1 %c, ptr %a.cvm, ptr null
define ptr @or_null(i1 %c) {
  %p = select i1 %c, ptr @a, ptr null
  ret ptr %p
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

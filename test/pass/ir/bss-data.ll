; .bss (zero-initialised) and .data (initialised) globals both move to the
; orc_state template with their initialisers, and both are rewritten.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@zero = global [16 x i32] zeroinitializer, align 16
@seven = global i32 7, align 4

; CHECK: @zero = dso_local global [16 x i32] zeroinitializer, section "orc_state.zero", align 16
; CHECK: @seven = dso_local global i32 7, section "orc_state", align 4

; CHECK-LABEL: define {{.*}}i32 @sum()
; CHECK: %orc.delta = load i64, ptr addrspace(256)
; CHECK-DAG: %zero.cvm = getelementptr i8, ptr @zero, i64 %orc.delta
; CHECK-DAG: %seven.cvm = getelementptr i8, ptr @seven, i64 %orc.delta
; CHECK-DAG: load i32, ptr %zero.cvm, align 16
; CHECK-DAG: load i32, ptr %seven.cvm, align 4
; CHECK: ret i32
define i32 @sum() {
  %a = load i32, ptr @zero, align 16
  %b = load i32, ptr @seven, align 4
  %s = add i32 %a, %b
  ret i32 %s
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

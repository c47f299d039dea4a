; An alias of state is state: uses through the alias (plain or with an
; offset) are rewritten against the alias, which becomes dso_local.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@arr = global [4 x i32] zeroinitializer, align 16
@whole = alias [4 x i32], ptr @arr
@third = alias i32, getelementptr inbounds ([4 x i32], ptr @arr, i64 0, i64 2)
; An alias of constant data free of state addresses is not state.
@ro = constant [2 x i32] [i32 1, i32 2], align 4
@ro_alias = alias i32, ptr @ro

; CHECK: @arr = dso_local global [4 x i32] zeroinitializer, section "orc_state.zero", align 16
; CHECK: @ro = constant [2 x i32] [i32 1, i32 2], align 4
; CHECK: @whole = dso_local alias [4 x i32], ptr @arr
; CHECK: @third = dso_local alias i32, getelementptr inbounds ([4 x i32], ptr @arr, i64 0, i64 2)
; CHECK: @ro_alias = alias i32, ptr @ro

; CHECK-LABEL: define i32 @via_aliases()
; CHECK: %orc.delta = load i64
; CHECK: %whole.cvm = getelementptr i8, ptr @whole, i64 %orc.delta
; CHECK-NEXT: %a = load i32, ptr %whole.cvm
; CHECK-NEXT: %third.cvm = getelementptr i8, ptr @third, i64 %orc.delta
; CHECK-NEXT: %b = load i32, ptr %third.cvm
; CHECK-NEXT: %c = load i32, ptr @ro_alias
define i32 @via_aliases() {
  %a = load i32, ptr @whole, align 4
  %b = load i32, ptr @third, align 4
  %c = load i32, ptr @ro_alias, align 4
  %s = add i32 %a, %b
  %t = add i32 %s, %c
  ret i32 %t
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; An extern_weak data declaration gets an import cell too; testing its
; address for null reads the cell (null in the cVM if it is undefined).
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@maybe = extern_weak global i32

; CHECK: @maybe = extern_weak global i32
; CHECK: @__orc_imp.maybe = linkonce_odr hidden global ptr @maybe, section "orc_state", comdat, align 8

; CHECK-LABEL: define i32 @read_or_zero()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %[[C:__orc_imp.maybe.cvm[0-9]*]] = getelementptr i8, ptr @__orc_imp.maybe, i64 %orc.delta
; CHECK-NEXT: %[[E:maybe.imp[0-9]*]] = load ptr, ptr %[[C]], align 8, !invariant.load
; CHECK-NEXT: %have = icmp ne ptr %[[E]], null
; CHECK: ok:
; CHECK-NEXT: %[[C2:__orc_imp.maybe.cvm[0-9]*]] = getelementptr i8, ptr @__orc_imp.maybe, i64 %orc.delta
; CHECK-NEXT: %[[E2:maybe.imp[0-9]*]] = load ptr, ptr %[[C2]], align 8, !invariant.load
; CHECK-NEXT: %v = load i32, ptr %[[E2]]
define i32 @read_or_zero() {
entry:
  %have = icmp ne ptr @maybe, null
  br i1 %have, label %ok, label %none
ok:
  %v = load i32, ptr @maybe, align 4
  ret i32 %v
none:
  ret i32 0
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Two functions (and two uses in one function) of the same external share
; a single import cell; another external gets its own.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@e = external global i64, align 8
@f = external global i64, align 8

; CHECK-COUNT-1: @__orc_imp.e = linkonce_odr hidden global ptr @e, section "orc_state", comdat, align 8
; CHECK-NOT: @__orc_imp.e =
; CHECK: @__orc_imp.f = linkonce_odr hidden global ptr @f, section "orc_state", comdat, align 8
; CHECK-NOT: @__orc_imp.e =
; CHECK-NOT: @__orc_imp.f =

; CHECK-LABEL: define i64 @one()
; CHECK: getelementptr i8, ptr @__orc_imp.e, i64 %orc.delta
; CHECK: getelementptr i8, ptr @__orc_imp.e, i64 %orc.delta
define i64 @one() {
  %a = load i64, ptr @e, align 8
  %b = load i64, ptr getelementptr (i8, ptr @e, i64 0), align 8
  %s = add i64 %a, %b
  ret i64 %s
}

; CHECK-LABEL: define i64 @two()
; CHECK: getelementptr i8, ptr @__orc_imp.e, i64 %orc.delta
; CHECK: getelementptr i8, ptr @__orc_imp.f, i64 %orc.delta
define i64 @two() {
  %a = load i64, ptr @e, align 8
  %b = load i64, ptr @f, align 8
  %s = add i64 %a, %b
  ret i64 %s
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

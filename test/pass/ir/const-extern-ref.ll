; A constant holding the address of an external data declaration becomes
; state (the address differs per cVM); the declaration itself is untouched.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@ext = external global i32, align 4
@pext = constant ptr @ext, align 8
@pext_off = constant ptr getelementptr (i8, ptr @ext, i64 8), align 8

; CHECK: @ext = external global i32, align 4
; CHECK: @pext = dso_local global ptr @ext, section "orc_state", align 8
; CHECK: @pext_off = dso_local global ptr getelementptr (i8, ptr @ext, i64 8), section "orc_state", align 8

; CHECK-LABEL: define ptr @get()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %pext.cvm = getelementptr i8, ptr @pext, i64 %orc.delta
; CHECK-NEXT: %p = load ptr, ptr %pext.cvm
define ptr @get() {
  %p = load ptr, ptr @pext, align 8
  ret ptr %p
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

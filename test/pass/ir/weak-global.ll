; A weak definition is state (section, dso_local), but a definition in
; another translation unit may replace it at link time -- possibly a shared
; constant -- so code reaches it through an import cell the loader fills.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@w = weak global i32 1, align 4

; CHECK: @w = weak dso_local global i32 1, section "orc_state", align 4
; CHECK: @__orc_imp.w = linkonce_odr hidden global ptr @w, section "orc_state", comdat, align 8

; CHECK-LABEL: define {{.*}}i32 @get_w()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %__orc_imp.w.cvm = getelementptr i8, ptr @__orc_imp.w, i64 %orc.delta
; CHECK-NEXT: %w.imp = load ptr, ptr %__orc_imp.w.cvm, align 8, !invariant.load
; CHECK-NEXT: load i32, ptr %w.imp
define i32 @get_w() {
  %v = load i32, ptr @w, align 4
  ret i32 %v
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

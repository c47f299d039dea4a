; musl's weak_alias(__environ, environ): a weak alias of hidden state is
; state. Code using the strong name is rewritten directly; code using the
; weak name goes through an import cell, since another translation unit
; may define that name and win at link time.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@__environ = hidden global ptr null, align 8
@___environ = weak alias ptr, ptr @__environ
@environ = weak alias ptr, ptr @__environ

; CHECK: @__environ = hidden global ptr null, section "orc_state.zero", align 8
; CHECK: @___environ = weak dso_local alias ptr, ptr @__environ
; CHECK: @environ = weak dso_local alias ptr, ptr @__environ

; CHECK-LABEL: define {{.*}}ptr @get_environ()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %__orc_imp.environ.cvm = getelementptr i8, ptr @__orc_imp.environ, i64 %orc.delta
; CHECK-NEXT: %environ.imp = load ptr, ptr %__orc_imp.environ.cvm, align 8, !invariant.load
; CHECK-NEXT: load ptr, ptr %environ.imp
define ptr @get_environ() {
  %e = load ptr, ptr @environ, align 8
  ret ptr %e
}

; CHECK-LABEL: define {{.*}}void @set_environ(ptr %e)
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %__environ.cvm = getelementptr i8, ptr @__environ, i64 %orc.delta
; CHECK-NEXT: store ptr %e, ptr %__environ.cvm
define void @set_environ(ptr %e) {
  store ptr %e, ptr @__environ, align 8
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

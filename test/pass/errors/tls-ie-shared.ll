; Refusal: an initial-exec thread-local in a shared object (PIC without a
; "PIE Level" flag).
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}tls-ie-shared.ll: thread-local variable 'ie' uses the initial-exec TLS model, which ORC does not support in shared objects; use the default (global-dynamic) model

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@ie = thread_local(initialexec) global i32 0, align 4

define i32 @get() {
  %p = call ptr @llvm.threadlocal.address.p0(ptr @ie)
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

declare ptr @llvm.threadlocal.address.p0(ptr)

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

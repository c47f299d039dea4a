; Refusal: a local-exec thread-local (here an extern declaration) in a
; shared object.
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}tls-le-shared.ll: thread-local variable 'le' uses the local-exec TLS model, which ORC does not support in shared objects; use the default (global-dynamic) model

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@le = external thread_local(localexec) global i32, align 4

define i32 @get() {
  %p = call ptr @llvm.threadlocal.address.p0(ptr @le)
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

declare ptr @llvm.threadlocal.address.p0(ptr)

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

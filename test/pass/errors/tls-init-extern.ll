; Refusal: a thread-local initialised with the address of external data
; (which also differs per cVM).
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}tls-init-extern.ll: thread-local variable 'where' is initialised with the address of 'environ', which differs per cVM; initialise it at run time instead

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@environ = external global ptr, align 8
@where = thread_local global { i64, ptr } { i64 1, ptr @environ }, align 8

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

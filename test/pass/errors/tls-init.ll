; Refusal: a thread-local whose initializer holds a state address (the TLS
; initialisation image is shared by every cVM).
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}tls-init.ll: thread-local variable 'cur' is initialised with the address of 'x', which differs per cVM; initialise it at run time instead

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@cur = thread_local global ptr getelementptr (i8, ptr @x, i64 0), align 8

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

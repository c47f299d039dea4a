; initial-exec and local-exec thread-locals are accepted in programs (a
; "PIE Level" module flag): the TLS layout is fixed there. They stay
; thread-locals, untouched.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@ie = thread_local(initialexec) global i32 0, align 4
@le = thread_local(localexec) global i32 0, align 4
@x = global i32 0, align 4

; CHECK: @ie = thread_local(initialexec) global i32 0, align 4
; CHECK: @le = thread_local(localexec) global i32 0, align 4
; CHECK: @x = dso_local global i32 0, section "orc_state.zero", align 4
; CHECK: @__orc_note

define i32 @get() {
  %p = call ptr @llvm.threadlocal.address.p0(ptr @ie)
  %q = call ptr @llvm.threadlocal.address.p0(ptr @le)
  %a = load i32, ptr %p, align 4
  %b = load i32, ptr %q, align 4
  %s = add i32 %a, %b
  ret i32 %s
}

declare ptr @llvm.threadlocal.address.p0(ptr)

!llvm.module.flags = !{!0, !1}
!0 = !{i32 8, !"PIC Level", i32 2}
!1 = !{i32 7, !"PIE Level", i32 2}

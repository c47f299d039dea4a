; Thread-locals are per thread, hence per cVM already: no section, no
; rewrite, no delta load for a function that only uses them; an extern
; thread-local gets no import cell. A constant pointing at a thread-local
; is not state.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@tls = thread_local global i32 0, align 4
@tls_ext = external thread_local global i32, align 4

; CHECK: @tls = thread_local global i32 0, align 4
; CHECK: @tls_ext = external thread_local global i32, align 4
; CHECK-NOT: __orc_imp.tls

; CHECK-LABEL: define i32 @bump()
; CHECK-NOT: orc.
; CHECK: %p = call align 4 ptr @llvm.threadlocal.address.p0(ptr align 4 @tls)
; CHECK-NOT: orc.
; CHECK: %q = call align 4 ptr @llvm.threadlocal.address.p0(ptr align 4 @tls_ext)
; CHECK-NOT: orc.
; CHECK: ret i32
define i32 @bump() {
  %p = call align 4 ptr @llvm.threadlocal.address.p0(ptr align 4 @tls)
  %v = load i32, ptr %p, align 4
  %q = call align 4 ptr @llvm.threadlocal.address.p0(ptr align 4 @tls_ext)
  %w = load i32, ptr %q, align 4
  %n = add i32 %v, %w
  store i32 %n, ptr %p, align 4
  ret i32 %n
}

declare ptr @llvm.threadlocal.address.p0(ptr)

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

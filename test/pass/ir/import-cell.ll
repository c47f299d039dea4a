; An external data declaration is reached through its import cell: a
; linkonce_odr hidden comdat cell in orc_state holding its address, read
; at &cell + delta with an invariant load.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@errno_like = external global i32, align 4

; CHECK: $__orc_imp.errno_like = comdat any
; CHECK: @errno_like = external {{(local_unnamed_addr )?}}global i32, align 4
; CHECK: @__orc_imp.errno_like = linkonce_odr hidden global ptr @errno_like, section "orc_state", comdat, align 8

; CHECK-LABEL: define {{.*}}i32 @bump()
; CHECK: %orc.delta = load i64, ptr addrspace(256)
; CHECK-NEXT: %[[C1:__orc_imp.errno_like.cvm[0-9]*]] = getelementptr i8, ptr @__orc_imp.errno_like, i64 %orc.delta
; CHECK-NEXT: %[[E1:errno_like.imp[0-9]*]] = load ptr, ptr %[[C1]], align 8, !invariant.load ![[INV:[0-9]+]]
; CHECK-NEXT: %v = load i32, ptr %[[E1]], align 4
; CHECK: store i32 %{{.*}}, ptr %{{errno_like.imp[0-9]*}}, align 4
; CHECK-NOT: ptr @errno_like
; CHECK: ret i32
define i32 @bump() {
  %v = load i32, ptr @errno_like, align 4
  %n = add i32 %v, 1
  store i32 %n, ptr @errno_like, align 4
  ret i32 %n
}

; CHECK: ![[INV]] = !{}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

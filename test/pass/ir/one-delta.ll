; A function using many state variables, in several blocks and loops,
; loads the slot and the delta exactly once, at entry after the allocas.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s --check-prefix=O2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@a = global i32 0, align 4
@b = global i32 0, align 4
@c = internal global i32 0, align 4
@d = global [4 x i32] zeroinitializer, align 4
@e = external global i32, align 4

; CHECK-LABEL: define i32 @many(i32 %n)
; CHECK-NEXT: entry:
; CHECK-NEXT: %tmp = alloca i32, align 4
; CHECK-NEXT: %tmp2 = alloca i64, align 8
; CHECK-NEXT: %orc.slot = load i64, ptr @__orc_slot
; CHECK-NEXT: %orc.ctable.entry = getelementptr i64, ptr addrspace(256) inttoptr (i64 65536 to ptr addrspace(256)), i64 %orc.slot
; CHECK-NEXT: %orc.delta = load i64, ptr addrspace(256) %orc.ctable.entry
; CHECK-NOT: @__orc_slot
; CHECK-NOT: addrspace(256)
; CHECK: ret i32
; O2-LABEL: define {{.*}}i32 @many(
; O2-COUNT-1: load i64, ptr @__orc_slot
; O2-COUNT-1: load i64, ptr addrspace(256)
; O2-NOT: @__orc_slot
; O2-NOT: addrspace(256)
; O2: ret i32
define i32 @many(i32 %n) {
entry:
  %tmp = alloca i32, align 4
  %tmp2 = alloca i64, align 8
  store i32 0, ptr %tmp, align 4
  %a0 = load i32, ptr @a, align 4
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %av = load i32, ptr @a, align 4
  %bv = load i32, ptr @b, align 4
  %cv = load i32, ptr @c, align 4
  %dv = load i32, ptr getelementptr inbounds ([4 x i32], ptr @d, i64 0, i64 1), align 4
  %ev = load i32, ptr @e, align 4
  %s1 = add i32 %av, %bv
  %s2 = add i32 %cv, %dv
  %s3 = add i32 %s1, %s2
  %s4 = add i32 %s3, %ev
  store i32 %s4, ptr @a, align 4
  store i32 %i, ptr @b, align 4
  store i32 %s3, ptr @c, align 4
  %i1 = add i32 %i, 1
  %done = icmp eq i32 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  %r = load i32, ptr @a, align 4
  %r2 = add i32 %r, %a0
  ret i32 %r2
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

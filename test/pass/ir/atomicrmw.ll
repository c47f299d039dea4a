; atomicrmw on state: the pointer operand is rewritten, ordering kept.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@counter = global i64 0, align 8
@flags = global i32 0, align 4

; CHECK-LABEL: define i64 @fetch_add(i64 %n)
; CHECK: %counter.cvm = getelementptr i8, ptr @counter, i64 %orc.delta
; CHECK-NEXT: %old = atomicrmw add ptr %counter.cvm, i64 %n seq_cst, align 8
define i64 @fetch_add(i64 %n) {
  %old = atomicrmw add ptr @counter, i64 %n seq_cst, align 8
  ret i64 %old
}

; CHECK-LABEL: define i32 @set_bit()
; CHECK: %flags.cvm = getelementptr i8, ptr @flags, i64 %orc.delta
; CHECK-NEXT: %old = atomicrmw or ptr %flags.cvm, i32 4 acq_rel, align 4
define i32 @set_bit() {
  %old = atomicrmw or ptr @flags, i32 4 acq_rel, align 4
  ret i32 %old
}

; The stored value can be a state address too.
@head = global ptr null, align 8
; CHECK-LABEL: define ptr @swap_in()
; CHECK-DAG: %head.cvm = getelementptr i8, ptr @head, i64 %orc.delta
; CHECK-DAG: %counter.cvm = getelementptr i8, ptr @counter, i64 %orc.delta
; CHECK: %old = atomicrmw xchg ptr %head.cvm, ptr %counter.cvm monotonic, align 8
define ptr @swap_in() {
  %old = atomicrmw xchg ptr @head, ptr @counter monotonic, align 8
  ret ptr %old
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

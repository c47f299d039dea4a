; cmpxchg on state, with a state address as expected and new value.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@lock = global i32 0, align 4
@head = global ptr null, align 8
@node = global [2 x i64] zeroinitializer, align 8

; CHECK-LABEL: define i1 @try_lock()
; CHECK: %lock.cvm = getelementptr i8, ptr @lock, i64 %orc.delta
; CHECK-NEXT: %r = cmpxchg ptr %lock.cvm, i32 0, i32 1 acquire monotonic, align 4
define i1 @try_lock() {
  %r = cmpxchg ptr @lock, i32 0, i32 1 acquire monotonic, align 4
  %ok = extractvalue { i32, i1 } %r, 1
  ret i1 %ok
}

; CHECK-LABEL: define i1 @push_node()
; CHECK-DAG: %head.cvm = getelementptr i8, ptr @head, i64 %orc.delta
; CHECK-DAG: %node.cvm = getelementptr i8, ptr @node, i64 %orc.delta
; CHECK: %r = cmpxchg ptr %head.cvm, ptr null, ptr %node.cvm seq_cst seq_cst, align 8
define i1 @push_node() {
  %r = cmpxchg ptr @head, ptr null, ptr @node seq_cst seq_cst, align 8
  %ok = extractvalue { ptr, i1 } %r, 1
  ret i1 %ok
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

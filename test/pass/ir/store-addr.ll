; Storing a state address into memory stores the cVM's address (both the
; value and, when it is state, the destination are rewritten).
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@slot = global ptr null, align 8

; CHECK-LABEL: define void @publish(ptr %out)
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: store ptr %x.cvm, ptr %out, align 8
define void @publish(ptr %out) {
  store ptr @x, ptr %out, align 8
  ret void
}

; CHECK-LABEL: define void @remember()
; CHECK-DAG: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-DAG: %slot.cvm = getelementptr i8, ptr @slot, i64 %orc.delta
; CHECK: store ptr %x.cvm, ptr %slot.cvm, align 8
define void @remember() {
  store ptr @x, ptr @slot, align 8
  ret void
}

; CHECK-LABEL: define void @as_int(ptr %out)
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %[[I:[0-9]+]] = ptrtoint ptr %x.cvm to i64
; CHECK-NEXT: store i64 %[[I]], ptr %out, align 8
define void @as_int(ptr %out) {
  store i64 ptrtoint (ptr @x to i64), ptr %out, align 8
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

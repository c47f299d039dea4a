; Functions named __orc_* belong to the ORC runtime and are not
; rewritten, even when they use state; ordinary functions still are.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@ext = external global i32, align 4

; CHECK-LABEL: define void @__orc_runtime_init(i32 %v)
; CHECK-NEXT: store i32 %v, ptr @x, align 4
; CHECK-NEXT: store i32 %v, ptr @ext, align 4
; CHECK-NEXT: ret void
define void @__orc_runtime_init(i32 %v) {
  store i32 %v, ptr @x, align 4
  store i32 %v, ptr @ext, align 4
  ret void
}

; CHECK-LABEL: define void @user(i32 %v)
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: store i32 %v, ptr %x.cvm, align 4
define void @user(i32 %v) {
  store i32 %v, ptr @x, align 4
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

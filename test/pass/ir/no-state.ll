; A function that touches no state gets no slot or delta load, and its
; attributes are left alone.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@k = constant i32 42, align 4

; CHECK-LABEL: define i32 @pure(i32 %a) #0 {
; CHECK-NEXT: %r = mul i32 %a, 3
; CHECK-NEXT: ret i32 %r
define i32 @pure(i32 %a) #0 {
  %r = mul i32 %a, 3
  ret i32 %r
}

; Reading shared constant data and calling a function that uses state are
; not uses of state.
; CHECK-LABEL: define i32 @caller()
; CHECK-NOT: orc.
; CHECK: ret i32
define i32 @caller() {
  %k = load i32, ptr @k, align 4
  %v = call i32 @user()
  %s = add i32 %k, %v
  ret i32 %s
}

; CHECK-LABEL: define i32 @user()
; CHECK: %orc.delta = load
define i32 @user() {
  %v = load i32, ptr @x, align 4
  ret i32 %v
}

; CHECK: attributes #0 = { nounwind memory(none) }
attributes #0 = { nounwind memory(none) }

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Nested constant expressions (ptrtoint / add / inttoptr arithmetic on a
; state address) are expanded innermost-first into instructions, with the
; state global replaced by &x + delta at the bottom of the chain.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@buf = global [16 x i8] zeroinitializer, align 16

; CHECK-LABEL: define void @poke()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %[[ADDR:.*]] = getelementptr i8, ptr @buf, i64 %orc.delta
; CHECK-NEXT: %[[INT:[0-9]+]] = ptrtoint ptr %[[ADDR]] to i64
; CHECK-NEXT: %[[SUM:[0-9]+]] = add i64 %[[INT]], 4
; CHECK-NEXT: %[[PTR:[0-9]+]] = inttoptr i64 %[[SUM]] to ptr
; CHECK-NEXT: store i8 7, ptr %[[PTR]], align 1
; CHECK-NOT: @buf
; CHECK: ret void
define void @poke() {
  store i8 7, ptr inttoptr (i64 add (i64 ptrtoint (ptr @buf to i64), i64 4) to ptr), align 1
  ret void
}

; The address as an integer, scaled: still computed from &buf + delta.
; CHECK-LABEL: define i64 @hash()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %[[ADDR:.*]] = getelementptr i8, ptr @buf, i64 %orc.delta
; CHECK-NEXT: %[[INT:[0-9]+]] = ptrtoint ptr %[[ADDR]] to i64
; CHECK-NEXT: %[[X:[0-9]+]] = xor i64 %[[INT]], 12345
; CHECK-NEXT: %h = sub i64 %[[X]], 1
define i64 @hash() {
  %h = sub i64 xor (i64 ptrtoint (ptr @buf to i64), i64 12345), 1
  ret i64 %h
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Constants holding only addresses of string literals and functions stay
; shared: constant, no section, and reading them needs no delta.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.str = private unnamed_addr constant [6 x i8] c"hello\00", align 1
@greeting = constant ptr @.str, align 8
@handlers = unnamed_addr constant [2 x ptr] [ptr @one, ptr @two], align 16

; CHECK: @.str = private unnamed_addr constant [6 x i8] c"hello\00", align 1
; CHECK: @greeting = constant ptr @.str, align 8
; CHECK: @handlers = unnamed_addr constant [2 x ptr] [ptr @one, ptr @two], align 16
; CHECK-NOT: section "orc_state"

define i32 @one() {
  ret i32 1
}
define i32 @two() {
  ret i32 2
}

; CHECK-LABEL: define i32 @dispatch(i64 %i)
; CHECK-NOT: orc.delta
; CHECK: getelementptr inbounds [2 x ptr], ptr @handlers, i64 0, i64 %i
; CHECK-NOT: orc.delta
; CHECK: ret i32
define i32 @dispatch(i64 %i) {
  %slot = getelementptr inbounds [2 x ptr], ptr @handlers, i64 0, i64 %i
  %f = load ptr, ptr %slot, align 8
  %r = call i32 %f()
  ret i32 %r
}

; CHECK-LABEL: define ptr @msg()
; CHECK-NEXT: %s = load ptr, ptr @greeting, align 8
; CHECK-NEXT: ret ptr %s
define ptr @msg() {
  %s = load ptr, ptr @greeting, align 8
  ret ptr %s
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

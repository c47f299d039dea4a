; A module with no state still gets the note (it is an ORC object) but no
; slot cell is needed when no function loads the delta.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@k = constant i32 1, align 4

; CHECK-NOT: @__orc_slot
; CHECK: @__orc_note = private constant <{ i32, i32, i32, [4 x i8], i32, i32 }> <{ i32 4, i32 8, i32 1, [4 x i8] c"ORC\00", i32 1, i32 19 }>, section ".note.orc", align 4
; CHECK: @llvm.compiler.used = appending global [1 x ptr] [ptr @__orc_note], section "llvm.metadata"
; CHECK-NOT: @__orc_slot

define i32 @get() {
  %v = load i32, ptr @k, align 4
  ret i32 %v
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; The object marker: the slot cell in its own section and comdat, and the
; .note.orc note (namesz 4, descsz 8, type 1, "ORC", format 1, LLVM 19)
; kept alive through llvm.compiler.used, which keeps its old entries.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@keep = internal global i32 0, align 4
@llvm.compiler.used = appending global [1 x ptr] [ptr @keep], section "llvm.metadata"

; CHECK: $__orc_slot = comdat any
; CHECK: @__orc_slot = linkonce_odr hidden global i64 0, section "orc_slot", comdat, align 8
; CHECK: @__orc_note = private constant <{ i32, i32, i32, [4 x i8], i32, i32 }> <{ i32 4, i32 8, i32 1, [4 x i8] c"ORC\00", i32 1, i32 19 }>, section ".note.orc", align 4
; CHECK: @llvm.compiler.used = appending global [2 x ptr] [ptr @keep, ptr @__orc_note], section "llvm.metadata"

define i32 @get() {
  %v = load i32, ptr @x, align 4
  ret i32 %v
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Running the pass twice is a no-op the second time (it sees the note):
; one delta load per function and one GEP per use, never &x + 2*delta.
; RUN: %opt_orc -passes=orc,orc -S %s | FileCheck %s
; RUN: %opt_orc -passes=orc -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@e = external global i32, align 4

; CHECK-COUNT-1: @__orc_imp.e = linkonce_odr
; CHECK-NOT: @__orc_imp.e =
; CHECK-COUNT-1: @__orc_note = private
; CHECK-NOT: @__orc_note =
; CHECK: @llvm.compiler.used = appending global [1 x ptr] [ptr @__orc_note]

; CHECK-LABEL: define i32 @get()
; CHECK-COUNT-1: %orc.slot = load i64
; CHECK-COUNT-1: %orc.delta = load i64
; CHECK-NEXT: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %v = load i32, ptr %x.cvm, align 4
; CHECK-NEXT: %__orc_imp.e.cvm = getelementptr i8, ptr @__orc_imp.e, i64 %orc.delta
; CHECK-NEXT: %e.imp = load ptr, ptr %__orc_imp.e.cvm
; CHECK-NEXT: %w = load i32, ptr %e.imp, align 4
; CHECK-NOT: orc.delta
; CHECK-NOT: .cvm
; CHECK: ret i32
define i32 @get() {
  %v = load i32, ptr @x, align 4
  %w = load i32, ptr @e, align 4
  %s = add i32 %v, %w
  ret i32 %s
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

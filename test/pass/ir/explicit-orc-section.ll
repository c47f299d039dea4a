; State that already names the orc_state section is accepted, and stays
; there even when zero-initialised (state every instance writes at start,
; kept with the initialised state); other zero-initialised state goes to
; orc_state.zero, which the layout script puts after it.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, section "orc_state", align 4
@y = global i32 0, align 4

; CHECK: @x = dso_local global i32 0, section "orc_state", align 4
; CHECK: @y = dso_local global i32 0, section "orc_state.zero", align 4
; CHECK-LABEL: define i32 @get()
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
define i32 @get() {
  %v = load i32, ptr @x, align 4
  %w = load i32, ptr @y, align 4
  %s = add i32 %v, %w
  ret i32 %s
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

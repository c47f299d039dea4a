; Module-level asm that names only non-state symbols (a function, a shared
; constant) or a name that merely contains a state variable's name is
; accepted and kept.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

module asm ".globl helper_alias"
module asm ".set helper_alias, helper"
module asm ".set table_alias, table"
module asm "# counter_total and my_counter are not counter_"

@counter = global i32 0, align 4
@table = constant [2 x i32] [i32 1, i32 2], align 4

; CHECK: module asm ".set helper_alias, helper"
; CHECK: module asm "# counter_total and my_counter are not counter_"
; CHECK: @counter = dso_local global i32 0, section "orc_state.zero"
; CHECK: @__orc_note

define void @helper() {
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

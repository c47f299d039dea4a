; Refusal: a constant in an explicit section becomes state when it holds a
; state address, and so is refused too (a constant in a section holding
; only function addresses, like an init table, is fine).
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK-NOT: 'inits'
; CHECK: error: orc: {{.*}}section-const.ll: state variable 'registry' has explicit section 'set_objs'; ORC state must live in the orc_state template
; CHECK-NOT: 'inits'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@obj = internal global i32 0, align 4
@registry = constant ptr @obj, section "set_objs", align 8
@inits = constant ptr @init, section "set_inits", align 8

define void @init() {
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Refusal: inline asm taking a state address as an immediate ('X').
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}asm-imm-X.ll: in function 'f': inline asm takes the address of state variable 'tbl' as an immediate operand ('X'); use a register or memory operand

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@tbl = global [4 x i64] zeroinitializer, align 8

define void @f() {
  call void asm sideeffect "# $0", "X"(ptr getelementptr inbounds ([4 x i64], ptr @tbl, i64 0, i64 2))
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Refusal: inline asm taking the address of external data as an immediate
; operand, as the second of three operands (the check finds the right one).
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}asm-imm-extern.ll: in function 'f': inline asm takes the address of state variable 'ext' as an immediate operand ('i'); use a register or memory operand

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@ext = external global i32, align 4
@x = global i32 0, align 4

define i32 @f(i32 %a) {
  %r = call i32 asm sideeffect "# $0 $1 $2 $3", "=r,r,i,*m"(i32 %a, ptr @ext, ptr elementtype(i32) @x)
  ret i32 %r
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

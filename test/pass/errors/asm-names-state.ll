; Refusal: inline asm whose text names a state variable, in a call that
; also passes state as an operand.
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}asm-names-state.ll: in function 'bump': inline asm names state variable 'counter' (defined at {{.*}}asm-names-state.ll); pass its address as an operand instead

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@counter = global i32 0, align 4
@other = global i32 0, align 4

define void @bump() {
  call void asm sideeffect "incl counter(%rip); incl ($0)", "r,~{memory}"(ptr @other)
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

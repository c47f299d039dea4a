; Refusal: a naked function that uses state (it has no prologue in which
; to load the delta).
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}naked.ll: naked function 'bump' uses state variable 'counter'; naked functions cannot load the cVM's delta

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@counter = global i32 0, align 4

define void @bump() #0 {
  call void asm sideeffect "incl ($0)\0Aret", "r,~{memory}"(ptr @counter)
  unreachable
}

attributes #0 = { naked noinline nounwind }

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

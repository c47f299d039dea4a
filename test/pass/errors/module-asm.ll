; Refusal: module-level asm naming a state variable.
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}module-asm.ll: module-level asm names state variable 'counter'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

module asm ".globl counter_alias"
module asm ".set counter_alias, counter"

@counter = global i32 0, align 4

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Inline asm whose text names only non-state symbols (a shared constant, a
; function) or names that merely contain a state variable's name is
; accepted, and its state operands are rewritten.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i64 0, align 8
@table = constant [2 x i64] [i64 1, i64 2], align 8

; CHECK-LABEL: define i64 @f()
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %v = call i64 asm "movq table(%rip), $0; addq ($1), $0; call helper; # x_1 rax my.x", "=r,r,~{rax}"(ptr %x.cvm)
define i64 @f() {
  %v = call i64 asm "movq table(%rip), $0; addq ($1), $0; call helper; # x_1 rax my.x", "=r,r,~{rax}"(ptr @x)
  ret i64 %v
}

define void @helper() {
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Inline asm taking a state address in a register ("r") or memory ("m",
; "*m") input operand is rewritten like any use: the asm gets the cVM's
; address.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i64 0, align 8
@y = global i64 0, align 8

; CHECK-LABEL: define void @inc_reg()
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: call void asm sideeffect "incq ($0)", "r,~{memory}"(ptr %x.cvm)
define void @inc_reg() {
  call void asm sideeffect "incq ($0)", "r,~{memory}"(ptr @x)
  ret void
}

; CHECK-LABEL: define i64 @read_mem()
; CHECK: %y.cvm = getelementptr i8, ptr @y, i64 %orc.delta
; CHECK-NEXT: %v = call i64 asm "movq $1, $0", "=r,*m"(ptr elementtype(i64) %y.cvm)
define i64 @read_mem() {
  %v = call i64 asm "movq $1, $0", "=r,*m"(ptr elementtype(i64) @y)
  ret i64 %v
}

; "rm" (register or memory) and "g" (general) operands are rewritten too:
; once the operand is an instruction the backend picks a register for it.
; CHECK-LABEL: define void @either()
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: call void asm sideeffect "# $0", "rm"(ptr %x.cvm)
; CHECK-NEXT: %[[Y:y.cvm[0-9]*]] = getelementptr i8, ptr @y, i64 %orc.delta
; CHECK-NEXT: call void asm sideeffect "# $0", "g"(ptr %[[Y]])
define void @either() {
  call void asm sideeffect "# $0", "rm"(ptr @x)
  call void asm sideeffect "# $0", "g"(ptr @y)
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; A state variable named like an instruction prefix ("lock") is not taken
; for a symbol reference when the word opens an asm statement, and its
; address passed as an operand is rewritten (the refusal of the same word
; used as a symbol is errors/asm-names-state-after-mnemonic.ll).
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

@lock = internal global i32 0, align 4

; CHECK-LABEL: define i32 @f(
; CHECK: %lock.cvm = getelementptr i8, ptr @lock, i64 %orc.delta
; CHECK: call i32 asm sideeffect "lock; xaddl $0,$1", "=r,=*m,0,*m"(ptr elementtype(i32) %lock.cvm, i32 %v, ptr elementtype(i32) %lock.cvm{{[0-9]*}})
define i32 @f(i32 %v) {
  %r = call i32 asm sideeffect "lock; xaddl $0,$1", "=r,=*m,0,*m"(ptr elementtype(i32) @lock, i32 %v, ptr elementtype(i32) @lock)
  ret i32 %r
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; The state name used as an operand of an instruction in the asm text (not
; as the statement's first word) is a symbol reference: refused.
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s
; CHECK: error: orc: {{.*}}: inline asm names state variable 'lock'

target triple = "x86_64-pc-linux-gnu"

@lock = internal global i32 0, align 4

define void @f() {
  call void asm sideeffect "lock; incl lock(%rip)", "~{memory}"()
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; Inline asm with an indirect memory output ("=*m") on state: the output
; address is rewritten, and operand numbering with other operands is kept.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@y = global i32 0, align 4

; CHECK-LABEL: define void @store_out(i32 %v)
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: call void asm "movl $1, $0", "=*m,r"(ptr elementtype(i32) %x.cvm, i32 %v)
define void @store_out(i32 %v) {
  call void asm "movl $1, $0", "=*m,r"(ptr elementtype(i32) @x, i32 %v)
  ret void
}

; A direct output first (takes no argument), then an indirect output and a
; memory input: both arguments are rewritten.
; CHECK-LABEL: define i32 @xchg()
; CHECK-DAG: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-DAG: %y.cvm = getelementptr i8, ptr @y, i64 %orc.delta
; CHECK: %r = call i32 asm "movl $2, $0; movl $0, $1", "=&r,=*m,*m"(ptr elementtype(i32) %x.cvm, ptr elementtype(i32) %y.cvm)
define i32 @xchg() {
  %r = call i32 asm "movl $2, $0; movl $0, $1", "=&r,=*m,*m"(ptr elementtype(i32) @x, ptr elementtype(i32) @y)
  ret i32 %r
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

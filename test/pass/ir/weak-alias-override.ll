; musl's atfork_locks pattern: a constant table holds the address of a
; weak alias of a null "dummy" constant, which a strong definition in
; another translation unit (state) replaces at link time. The table must
; become state (its entries differ per cVM once relocated), and code
; reading the weak name must go through an import cell.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

@dummy_lockptr = internal constant ptr null, align 8
@__at_quick_exit_lockptr = weak hidden alias ptr, ptr @dummy_lockptr
@atfork_locks = internal constant [1 x ptr] [ptr @__at_quick_exit_lockptr], align 8

; CHECK: @dummy_lockptr = internal constant ptr null, align 8
; CHECK: @atfork_locks = internal global [1 x ptr] [ptr @__at_quick_exit_lockptr], section "orc_state"
; CHECK: @__orc_imp.__at_quick_exit_lockptr = linkonce_odr hidden global ptr @__at_quick_exit_lockptr, section "orc_state", comdat

; CHECK-LABEL: define ptr @first()
; CHECK: %atfork_locks.cvm = getelementptr i8, ptr @atfork_locks, i64 %orc.delta
define ptr @first() {
  %p = load ptr, ptr @atfork_locks, align 8
  ret ptr %p
}

; CHECK-LABEL: define ptr @direct()
; CHECK: %__at_quick_exit_lockptr.imp = load ptr
; CHECK: load ptr, ptr %__at_quick_exit_lockptr.imp
define ptr @direct() {
  %p = load ptr, ptr @__at_quick_exit_lockptr, align 8
  ret ptr %p
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

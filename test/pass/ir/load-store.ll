; Load and store of a plain global: both go through &x + delta.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: %opt_orc -passes='default<O2>,orc' -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4

; CHECK: @x = dso_local global i32 0, section "orc_state.zero", align 4

; CHECK-LABEL: define {{.*}}i32 @get()
; CHECK-NEXT: %orc.slot = load i64, ptr @__orc_slot, align 8, !invariant.load ![[INV:[0-9]+]]
; CHECK-NEXT: %orc.ctable.entry = getelementptr i64, ptr addrspace(256) inttoptr (i64 65536 to ptr addrspace(256)), i64 %orc.slot
; CHECK-NEXT: %orc.delta = load i64, ptr addrspace(256) %orc.ctable.entry, align 8, !invariant.load ![[INV]]
; CHECK-NEXT: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %v = load i32, ptr %x.cvm, align 4
; CHECK-NEXT: ret i32 %v
define i32 @get() {
  %v = load i32, ptr @x, align 4
  ret i32 %v
}

; CHECK-LABEL: define {{.*}}void @set(i32 %v)
; CHECK: %orc.delta = load i64, ptr addrspace(256)
; CHECK-NEXT: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: store i32 %v, ptr %x.cvm, align 4
; CHECK-NEXT: ret void
define void @set(i32 %v) {
  store i32 %v, ptr @x, align 4
  ret void
}

; CHECK: ![[INV]] = !{}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; A rewritten function reads the slot cell and the capability table, so
; its memory effects are widened with "other: read": memory(none) becomes
; memory(read, argmem: none, inaccessiblemem: none); argmem-only effects
; gain other memory read too. Unrewritten functions keep theirs.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4

; CHECK: define ptr @addr_x() #[[RD:[0-9]+]] {
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: ret ptr %x.cvm
define ptr @addr_x() #0 {
  ret ptr @x
}

; CHECK: define void @copy_to(ptr %p) #[[ARG:[0-9]+]] {
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
define void @copy_to(ptr %p) #1 {
  store ptr @x, ptr %p, align 8
  ret void
}

; CHECK: define i32 @untouched(i32 %a) #[[NONE:[0-9]+]] {
define i32 @untouched(i32 %a) #0 {
  ret i32 %a
}

; CHECK-DAG: attributes #[[RD]] = { nounwind willreturn memory(read, argmem: none, inaccessiblemem: none) }
; CHECK-DAG: attributes #[[ARG]] = { nounwind memory(read, argmem: write, inaccessiblemem: none) }
; CHECK-DAG: attributes #[[NONE]] = { nounwind willreturn memory(none) }
attributes #0 = { nounwind willreturn memory(none) }
attributes #1 = { nounwind memory(argmem: write) }

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

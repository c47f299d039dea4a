; The static local of a C++ inline function is a linkonce_odr global in a
; comdat: it stays linkonce_odr and in its comdat, and becomes state.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s --check-prefixes=CHECK,PLAIN
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s --check-prefixes=CHECK,O2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

$_Z4nextv = comdat any
$_ZZ4nextvE1n = comdat any

@_ZZ4nextvE1n = linkonce_odr global i32 0, comdat, align 4

; CHECK: @_ZZ4nextvE1n = linkonce_odr dso_local global i32 0, section "orc_state.zero", comdat, align 4

; PLAIN-LABEL: define linkonce_odr {{.*}}i32 @_Z4nextv() {{.*}}comdat
; PLAIN: %orc.delta = load i64
; PLAIN: getelementptr i8, ptr @_ZZ4nextvE1n, i64 %orc.delta
define linkonce_odr i32 @_Z4nextv() comdat {
  %v = load i32, ptr @_ZZ4nextvE1n, align 4
  %n = add i32 %v, 1
  store i32 %n, ptr @_ZZ4nextvE1n, align 4
  ret i32 %n
}

; At -O2 the inline function is inlined into its caller and dropped; the
; access to its static local is rewritten where it landed.
; CHECK-LABEL: define {{.*}}i32 @use()
; PLAIN-NEXT: call i32 @_Z4nextv()
; O2: %orc.delta = load i64
; O2: getelementptr i8, ptr @_ZZ4nextvE1n, i64 %orc.delta
; O2-NOT: @_Z4nextv
define i32 @use() {
  %r = call i32 @_Z4nextv()
  ret i32 %r
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

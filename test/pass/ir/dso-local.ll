; State with default visibility and non-local linkage becomes dso_local
; (addressed PC-relative, never through the GOT); hidden, protected and
; local-linkage state keep their spelling (already local); external
; declarations are left alone.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@def = global i32 0, align 4
@com = common global i32 0, align 4
@hid = hidden global i32 0, align 4
@prot = protected global i32 0, align 4
@priv = private global i32 0, align 4
@int = internal global i32 0, align 4
@ext = external global i32, align 4
@ptr_to_ext = constant ptr @ext, align 8

; CHECK: @def = dso_local global i32 0, section "orc_state.zero", align 4
; CHECK: @com = weak dso_local global i32 0, section "orc_state.zero", align 4
; CHECK: @hid = hidden global i32 0, section "orc_state.zero", align 4
; CHECK: @prot = protected global i32 0, section "orc_state.zero", align 4
; CHECK: @priv = private global i32 0, section "orc_state.zero", align 4
; CHECK: @int = internal global i32 0, section "orc_state.zero", align 4
; CHECK: @ext = external global i32, align 4
; CHECK: @ptr_to_ext = dso_local global ptr @ext, section "orc_state", align 8

define void @touch() {
  store i32 1, ptr @def, align 4
  store i32 1, ptr @com, align 4
  store i32 1, ptr @hid, align 4
  store i32 1, ptr @prot, align 4
  store i32 1, ptr @priv, align 4
  store i32 1, ptr @int, align 4
  ret void
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

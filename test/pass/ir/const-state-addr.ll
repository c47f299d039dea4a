; A constant whose initializer holds the address of state becomes state:
; it moves to orc_state, loses constant and unnamed_addr, and reads of it
; are rewritten. Its initializer still names the template address (the
; loader relocates it per instance).
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s --check-prefixes=CHECK,PLAIN
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s --check-prefixes=CHECK,O2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@count = global i32 0, align 4
@seven = global i32 7, align 4
@table = unnamed_addr constant [2 x ptr] [ptr @count, ptr @seven], align 16
@cur = local_unnamed_addr constant ptr getelementptr (i8, ptr @seven, i64 0), align 8

; CHECK: @table = dso_local global [2 x ptr] [ptr @count, ptr @seven], section "orc_state", align 16
; CHECK: @cur = dso_local global ptr @seven, section "orc_state", align 8

; CHECK-LABEL: define {{.*}}i32 @read(i64 %i)
; CHECK: %orc.delta = load i64
; CHECK: %table.cvm = getelementptr i8, ptr @table, i64 %orc.delta
; CHECK: getelementptr {{.*}}ptr %table.cvm
define i32 @read(i64 %i) {
  %slot = getelementptr inbounds [2 x ptr], ptr @table, i64 0, i64 %i
  %p = load ptr, ptr %slot, align 8
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

; Before -O2 the pointer is read from the rewritten constant; -O2 folds the
; read of a constant first, and the pass then rewrites the folded address.
; CHECK-LABEL: define {{.*}}ptr @current()
; CHECK: %orc.delta = load i64
; PLAIN-NEXT: %cur.cvm = getelementptr i8, ptr @cur, i64 %orc.delta
; PLAIN-NEXT: load ptr, ptr %cur.cvm
; O2-NEXT: %seven.cvm = getelementptr i8, ptr @seven, i64 %orc.delta
; O2-NEXT: ret ptr %seven.cvm
define ptr @current() {
  %p = load ptr, ptr @cur, align 8
  ret ptr %p
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; A function-scope static (internal global named after its function) is
; state: it moves to orc_state and its uses are rewritten.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s
; RUN: opt -O2 -S %s | %opt_orc -passes=orc -S | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@next.calls = internal global i32 0, align 4

; Local linkage: no dso_local is added (it is implied).
; CHECK: @next.calls = internal global i32 0, section "orc_state.zero", align 4

; CHECK-LABEL: define {{.*}}i32 @next()
; CHECK: %orc.delta = load i64, ptr addrspace(256)
; CHECK: %[[P:next.calls.cvm[0-9]*]] = getelementptr i8, ptr @next.calls, i64 %orc.delta
; CHECK-NEXT: %{{.*}} = load i32, ptr %[[P]], align 4
; CHECK: %[[Q:next.calls.cvm[0-9]*]] = getelementptr i8, ptr @next.calls, i64 %orc.delta
; CHECK-NEXT: store i32 %{{.*}}, ptr %[[Q]], align 4
; CHECK-NOT: @next.calls
; CHECK: ret i32
define i32 @next() {
  %c = load i32, ptr @next.calls, align 4
  %n = add i32 %c, 1
  store i32 %n, ptr @next.calls, align 4
  ret i32 %n
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

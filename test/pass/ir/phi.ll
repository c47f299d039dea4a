; A phi with state incoming values: &x + delta is computed in each
; predecessor, just before its terminator, not in the phi's block. Two
; edges from one block (a switch) carry one value.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@a = global i32 1, align 4
@b = global i32 2, align 4

; CHECK-LABEL: define i32 @pick(i1 %c, ptr %other)
; CHECK: entry:
; CHECK: %orc.delta = load i64
; CHECK-NEXT: br i1 %c, label %left, label %right
; CHECK: left:
; CHECK-NEXT: call void @side()
; CHECK-NEXT: %a.cvm = getelementptr i8, ptr @a, i64 %orc.delta
; CHECK-NEXT: br label %join
; CHECK: right:
; CHECK-NEXT: %b.cvm = getelementptr i8, ptr @b, i64 %orc.delta
; CHECK-NEXT: br label %join
; CHECK: join:
; CHECK-NEXT: %p = phi ptr [ %a.cvm, %left ], [ %b.cvm, %right ], [ %other, %entry2 ]
; CHECK-NOT: getelementptr
; CHECK: ret i32
define i32 @pick(i1 %c, ptr %other) {
entry:
  br i1 %c, label %left, label %right
left:
  call void @side()
  br label %join
right:
  br label %join
entry2:
  br label %join
join:
  %p = phi ptr [ @a, %left ], [ @b, %right ], [ %other, %entry2 ]
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

; Two switch edges from %entry to %join: one value, computed once in %entry.
; CHECK-LABEL: define i32 @sw(i32 %k)
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %[[A:a.cvm[0-9]*]] = getelementptr i8, ptr @a, i64 %orc.delta
; CHECK-NOT: getelementptr
; CHECK: switch i32 %k
; CHECK: join:
; CHECK-NEXT: %p = phi ptr [ %[[A]], %entry ], [ %[[A]], %entry ], [ %[[B:b.cvm[0-9]*]], %other ]
define i32 @sw(i32 %k) {
entry:
  switch i32 %k, label %other [ i32 0, label %join
                                i32 1, label %join ]
other:
  br label %join
join:
  %p = phi ptr [ @a, %entry ], [ @a, %entry ], [ @b, %other ]
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

; A phi whose incoming value is a constant expression on state: the whole
; expression is expanded in the predecessor.
; CHECK-LABEL: define i32 @loop(i32 %n)
; CHECK: entry:
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %[[B:b.cvm[0-9]*]] = getelementptr i8, ptr @b, i64 %orc.delta
; CHECK-NEXT: %[[G:[0-9]+]] = getelementptr i8, ptr %[[B]], i64 -4
; CHECK-NEXT: br label %body
; CHECK: body:
; CHECK-NEXT: %p = phi ptr [ %[[G]], %entry ], [ %q, %body ]
define i32 @loop(i32 %n) {
entry:
  br label %body
body:
  %p = phi ptr [ getelementptr (i8, ptr @b, i64 -4), %entry ], [ %q, %body ]
  %i = phi i32 [ 0, %entry ], [ %j, %body ]
  %q = getelementptr i8, ptr %p, i64 0
  %j = add i32 %i, 1
  %done = icmp eq i32 %j, %n
  br i1 %done, label %exit, label %body
exit:
  %v = load i32, ptr %q, align 4
  ret i32 %v
}

declare void @side()

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

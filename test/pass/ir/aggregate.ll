; Constant aggregates holding state addresses (vector, struct and array
; operands) are rebuilt element by element with insertelement/insertvalue.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@a = global i32 1, align 4
@b = global i32 2, align 4

; CHECK-LABEL: define void @vec(ptr %p)
; CHECK: %a.cvm = getelementptr i8, ptr @a, i64 %orc.delta
; CHECK-NEXT: %[[V0:[0-9]+]] = insertelement <2 x ptr> poison, ptr %a.cvm, i64 0
; CHECK-NEXT: %b.cvm = getelementptr i8, ptr @b, i64 %orc.delta
; CHECK-NEXT: %[[V1:[0-9]+]] = insertelement <2 x ptr> %[[V0]], ptr %b.cvm, i64 1
; CHECK-NEXT: store <2 x ptr> %[[V1]], ptr %p, align 16
define void @vec(ptr %p) {
  store <2 x ptr> <ptr @a, ptr @b>, ptr %p, align 16
  ret void
}

; CHECK-LABEL: define { ptr, i32 } @pair()
; CHECK: %a.cvm = getelementptr i8, ptr @a, i64 %orc.delta
; CHECK-NEXT: %[[S0:[0-9]+]] = insertvalue { ptr, i32 } poison, ptr %a.cvm, 0
; CHECK-NEXT: %[[S1:[0-9]+]] = insertvalue { ptr, i32 } %[[S0]], i32 1, 1
; CHECK-NEXT: ret { ptr, i32 } %[[S1]]
define { ptr, i32 } @pair() {
  ret { ptr, i32 } { ptr @a, i32 1 }
}

; Nested: an array of structs, one of which holds a GEP expression.
; CHECK-LABEL: define [2 x { ptr, i64 }] @nested()
; CHECK: %a.cvm = getelementptr i8, ptr @a, i64 %orc.delta
; CHECK-NEXT: %[[I0:[0-9]+]] = insertvalue { ptr, i64 } poison, ptr %a.cvm, 0
; CHECK-NEXT: %[[I1:[0-9]+]] = insertvalue { ptr, i64 } %[[I0]], i64 0, 1
; CHECK-NEXT: %[[O0:[0-9]+]] = insertvalue [2 x { ptr, i64 }] poison, { ptr, i64 } %[[I1]], 0
; CHECK-NEXT: %b.cvm = getelementptr i8, ptr @b, i64 %orc.delta
; CHECK-NEXT: %[[G:[0-9]+]] = getelementptr i8, ptr %b.cvm, i64 2
; CHECK-NEXT: %[[J0:[0-9]+]] = insertvalue { ptr, i64 } poison, ptr %[[G]], 0
; CHECK-NEXT: %[[J1:[0-9]+]] = insertvalue { ptr, i64 } %[[J0]], i64 7, 1
; CHECK-NEXT: %[[O1:[0-9]+]] = insertvalue [2 x { ptr, i64 }] %[[O0]], { ptr, i64 } %[[J1]], 1
; CHECK-NEXT: ret [2 x { ptr, i64 }] %[[O1]]
define [2 x { ptr, i64 }] @nested() {
  ret [2 x { ptr, i64 }] [{ ptr, i64 } { ptr @a, i64 0 }, { ptr, i64 } { ptr getelementptr (i8, ptr @b, i64 2), i64 7 }]
}

; An insertvalue whose aggregate operand is a constant holding state.
; CHECK-LABEL: define { ptr, ptr } @partial(ptr %q)
; CHECK: %b.cvm = getelementptr i8, ptr @b, i64 %orc.delta
; CHECK-NEXT: %[[P0:[0-9]+]] = insertvalue { ptr, ptr } poison, ptr %b.cvm, 0
; CHECK-NEXT: %[[P1:[0-9]+]] = insertvalue { ptr, ptr } %[[P0]], ptr null, 1
; CHECK-NEXT: %r = insertvalue { ptr, ptr } %[[P1]], ptr %q, 1
define { ptr, ptr } @partial(ptr %q) {
  %r = insertvalue { ptr, ptr } { ptr @b, ptr null }, ptr %q, 1
  ret { ptr, ptr } %r
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

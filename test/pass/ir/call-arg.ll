; A state address passed as a call argument (direct and indirect calls,
; and invoke) is &x + delta; attributes on the argument are kept.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4
@y = global [4 x i32] zeroinitializer, align 4

declare void @use(ptr, ptr)
declare i32 @__gxx_personality_v0(...)

; CHECK-LABEL: define void @direct()
; CHECK: %orc.delta = load i64
; CHECK-NEXT: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: %y.cvm = getelementptr i8, ptr @y, i64 %orc.delta
; CHECK-NEXT: %[[G:[0-9]+]] = getelementptr inbounds i8, ptr %y.cvm, i64 8
; CHECK-NEXT: call void @use(ptr nonnull %x.cvm, ptr %[[G]])
define void @direct() {
  call void @use(ptr nonnull @x, ptr getelementptr inbounds (i8, ptr @y, i64 8))
  ret void
}

; CHECK-LABEL: define void @indirect(ptr %f)
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: call void %f(ptr %x.cvm, ptr null)
define void @indirect(ptr %f) {
  call void %f(ptr @x, ptr null)
  ret void
}

; CHECK-LABEL: define void @invoked()
; CHECK: %x.cvm = getelementptr i8, ptr @x, i64 %orc.delta
; CHECK-NEXT: invoke void @use(ptr %x.cvm, ptr null)
define void @invoked() personality ptr @__gxx_personality_v0 {
entry:
  invoke void @use(ptr @x, ptr null) to label %ok unwind label %lp
ok:
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %l
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

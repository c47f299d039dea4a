; memcpy / memmove / memset intrinsics with state arguments: every pointer
; argument is rewritten, the length and flags are kept.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@src = global [64 x i8] zeroinitializer, align 16
@dst = global [64 x i8] zeroinitializer, align 16

; CHECK-LABEL: define void @copy()
; CHECK: %orc.delta = load i64
; CHECK-DAG: %dst.cvm = getelementptr i8, ptr @dst, i64 %orc.delta
; CHECK-DAG: %src.cvm = getelementptr i8, ptr @src, i64 %orc.delta
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr align 16 %dst.cvm, ptr align 16 %src.cvm, i64 64, i1 false)
define void @copy() {
  call void @llvm.memcpy.p0.p0.i64(ptr align 16 @dst, ptr align 16 @src, i64 64, i1 false)
  ret void
}

; CHECK-LABEL: define void @shift()
; CHECK: %[[D:dst.cvm[0-9]*]] = getelementptr i8, ptr @dst, i64 %orc.delta
; CHECK-NEXT: %[[G:[0-9]+]] = getelementptr inbounds i8, ptr %[[D]], i64 1
; CHECK-NEXT: %[[S:dst.cvm[0-9]*]] = getelementptr i8, ptr @dst, i64 %orc.delta
; CHECK-NEXT: call void @llvm.memmove.p0.p0.i64(ptr %[[G]], ptr align 16 %[[S]], i64 63, i1 false)
define void @shift() {
  call void @llvm.memmove.p0.p0.i64(ptr getelementptr inbounds (i8, ptr @dst, i64 1), ptr align 16 @dst, i64 63, i1 false)
  ret void
}

; CHECK-LABEL: define void @clear(i8 %v)
; CHECK: %src.cvm = getelementptr i8, ptr @src, i64 %orc.delta
; CHECK-NEXT: call void @llvm.memset.p0.i64(ptr align 16 %src.cvm, i8 %v, i64 64, i1 true)
define void @clear(i8 %v) {
  call void @llvm.memset.p0.i64(ptr align 16 @src, i8 %v, i64 64, i1 true)
  ret void
}

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

; C++ exception handling: a landingpad's catch clause and llvm.eh.typeid.for
; take the typeinfo of an external type (an external data declaration).
; Those operands must stay constants, and the landingpad must stay the first
; non-phi instruction of its block; the output must be valid IR.
; RUN: %opt_orc -passes=orc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@_ZTIi = external constant ptr
@caught = global i32 0, align 4

declare void @may_throw()
declare i32 @__gxx_personality_v0(...)
declare i32 @llvm.eh.typeid.for.p0(ptr)
declare ptr @__cxa_begin_catch(ptr)
declare void @__cxa_end_catch()

; CHECK-LABEL: define i32 @f()
; CHECK: lp:
; CHECK-NEXT: %l = landingpad { ptr, i32 }
; CHECK-NEXT: catch ptr @_ZTIi
; CHECK: call i32 @llvm.eh.typeid.for.p0(ptr @_ZTIi)
; CHECK: getelementptr i8, ptr @caught, i64 %orc.delta
define i32 @f() personality ptr @__gxx_personality_v0 {
entry:
  invoke void @may_throw() to label %ok unwind label %lp
ok:
  ret i32 0
lp:
  %l = landingpad { ptr, i32 } catch ptr @_ZTIi
  %exn = extractvalue { ptr, i32 } %l, 0
  %sel = extractvalue { ptr, i32 } %l, 1
  %t = call i32 @llvm.eh.typeid.for.p0(ptr @_ZTIi)
  %m = icmp eq i32 %sel, %t
  br i1 %m, label %catch, label %rethrow
catch:
  %obj = call ptr @__cxa_begin_catch(ptr %exn)
  %v = load i32, ptr %obj, align 4
  store i32 %v, ptr @caught, align 4
  call void @__cxa_end_catch()
  ret i32 1
rethrow:
  resume { ptr, i32 } %l
}

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}

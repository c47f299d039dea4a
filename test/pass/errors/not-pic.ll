; Refusal: a module without a "PIC Level" flag is not position-independent.
; RUN: not %opt_orc -passes=orc -S %s -o /dev/null 2>&1 | FileCheck %s

; CHECK: error: orc: {{.*}}not-pic.ll: ORC objects must be position-independent; compile with -fPIC or -fPIE

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@x = global i32 0, align 4

define i32 @get() {
  %v = load i32, ptr @x, align 4
  ret i32 %v
}

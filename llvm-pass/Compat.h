//===- Compat.h - LLVM version guards, all in one place --------*- C++ -*-===//
//
// The pass is written against LLVM 19's pass and IR APIs. Every use of an
// API that differs between releases goes through this header, so a port
// to another release touches one file (LLVM 20 adds a ThinOrFullLTOPhase
// argument to the OptimizerLast callback, for instance).
//
//===----------------------------------------------------------------------===//
#ifndef ORC_PASS_COMPAT_H
#define ORC_PASS_COMPAT_H

#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR != 19
#error "orc.so is written for LLVM 19; see llvm-pass/Compat.h"
#endif

#define ORC_LLVM_MAJOR LLVM_VERSION_MAJOR

#endif

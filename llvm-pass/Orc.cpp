//===- Orc.cpp - plugin registration and the pass driver -----------------===//
//
// Registered twice (the llvm-tutor way): by pipeline name for
// `opt -passes=orc`, and at the OptimizerLast extension point for
// `clang -fpass-plugin=orc.so`. OptimizerLast runs at every -O level
// (the -O0 pipeline invokes it too), after every IR optimisation: no later
// IR pass can reason about the template addresses the rewrite leaves in
// the code. isRequired() keeps it running on optnone functions.
//
//===----------------------------------------------------------------------===//
#include "Orc.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"

using namespace llvm;

namespace orc {

bool isReserved(const GlobalValue &GV) {
  StringRef N = GV.getName();
  return N.starts_with(ORC_RESERVED_PREFIX) || N.starts_with("llvm.");
}

void reportError(Module &M, const Twine &Msg) {
  // LLVM 19 has no generic diagnostic; this one carries no location, and
  // clang and opt both print it as "error: orc: ..." and fail.
  M.getContext().emitError(Twine("orc: ") + Msg);
}

std::string describeLocation(const GlobalValue &GV) {
  std::string Where;
  if (const auto *V = dyn_cast<GlobalVariable>(&GV)) {
    SmallVector<DIGlobalVariableExpression *, 1> DI;
    V->getDebugInfo(DI);
    for (auto *E : DI) {
      DIGlobalVariable *D = E->getVariable();
      if (D && D->getLine())
        return (D->getFilename() + ":" + Twine(D->getLine())).str();
    }
  }
  // Without -g only the translation unit is known.
  return GV.getParent()->getSourceFileName();
}

namespace {

// A module built for LTO is rewritten here, then optimised again at link
// time across translation units without the pass: refuse it.
bool checkModule(Module &M) {
  if (M.getModuleFlag("ThinLTO") || M.getModuleFlag("EnableSplitLTOUnit")) {
    reportError(M, M.getSourceFileName() +
                       ": -flto is not supported: link-time optimisation "
                       "would run after the ORC rewrite without it");
    return false;
  }
  if (M.getPICLevel() == PICLevel::NotPIC) {
    reportError(M, M.getSourceFileName() +
                       ": ORC objects must be position-independent; compile "
                       "with -fPIC or -fPIE");
    return false;
  }
  return true;
}

struct OrcPass : PassInfoMixin<OrcPass> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    // Running twice would add the delta twice.
    if (M.getNamedGlobal(NoteName))
      return PreservedAnalyses::all();
    if (!checkModule(M))
      return PreservedAnalyses::all();
    StateSet S;
    if (!classifyState(M, S) || !rewriteFunctions(M, S))
      return PreservedAnalyses::none();
    placeState(M, S);
    emitMarker(M);
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

} // namespace
} // namespace orc

extern "C" LLVM_ATTRIBUTE_WEAK ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "orc", "1", [](PassBuilder &PB) {
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM,
                   ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name != "orc")
                    return false;
                  MPM.addPass(orc::OrcPass());
                  return true;
                });
            PB.registerOptimizerLastEPCallback(
                [](ModulePassManager &MPM, OptimizationLevel) {
                  MPM.addPass(orc::OrcPass());
                });
          }};
}

//===- Classify.cpp - step 1: which globals are state --------------------===//
//
// State of a translation unit (DESIGN.md section 3):
//  - every defined non-constant global variable (static locals, weak,
//    comdat/linkonce_odr ones included);
//  - every constant global whose initializer holds, transitively, the
//    address of state or of data defined outside this TU (such an address
//    differs per cVM, so the constant must be per cVM too);
//  - aliases of either.
// Thread-locals are per thread, hence per cVM already: they stay where the
// TLS machinery puts them, but their initialisation image is shared, so it
// may not hold a per-cVM address.
//
//===----------------------------------------------------------------------===//
#include "Orc.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalAlias.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace orc {

// Data whose final definition the linker picks: a declaration, or a
// definition another translation unit may replace (weak, linkonce, common;
// not the *_odr kinds, which the ODR makes equal). Which definition wins,
// state or a shared constant, is unknown here, so its address is imported
// through a cell the loader fills. Aliases count as data when they alias
// data.
bool isImportedData(const Value *V) {
  const auto *GV = dyn_cast<GlobalValue>(V);
  if (!GV || isReserved(*GV) || GV->isThreadLocal())
    return false;
  if (const auto *GA = dyn_cast<GlobalAlias>(GV)) {
    const GlobalObject *Base = GA->getAliaseeObject();
    if (!Base || !isa<GlobalVariable>(Base))
      return false;
  } else if (!isa<GlobalVariable>(GV)) {
    return false;
  }
  if (GV->isDeclarationForLinker())
    return true;
  GlobalValue::LinkageTypes L = GV->getLinkage();
  return GlobalValue::isInterposableLinkage(L) &&
         !GlobalValue::isLinkOnceODRLinkage(L) &&
         !GlobalValue::isWeakODRLinkage(L);
}

static const GlobalValue *findStateRef(const Constant *C, const StateSet &S,
                                       SmallPtrSetImpl<const Constant *> &Seen) {
  if (!Seen.insert(C).second)
    return nullptr;
  if (const auto *GV = dyn_cast<GlobalValue>(C))
    return S.State.count(const_cast<GlobalValue *>(GV)) || isImportedData(GV)
               ? GV
               : nullptr;
  for (const Use &U : C->operands())
    if (const auto *Op = dyn_cast<Constant>(U.get()))
      if (const GlobalValue *Found = findStateRef(Op, S, Seen))
        return Found;
  return nullptr;
}

const GlobalValue *findStateRef(const Constant *C, const StateSet &S) {
  SmallPtrSet<const Constant *, 16> Seen;
  return findStateRef(C, S, Seen);
}

namespace {

bool isCandidate(const GlobalVariable &GV) {
  return !GV.isDeclarationForLinker() && !isReserved(GV) &&
         !GV.isThreadLocal() && !GV.hasAppendingLinkage();
}

bool addAliases(Module &M, StateSet &S) {
  bool Changed = false;
  for (GlobalAlias &GA : M.aliases()) {
    const GlobalObject *Base = GA.getAliaseeObject();
    if (!isReserved(GA) && Base &&
        S.State.count(const_cast<GlobalObject *>(Base)))
      Changed |= S.State.insert(&GA);
  }
  return Changed;
}

// Constants that hold state addresses become state, until nothing changes.
void closeOverConstants(Module &M, StateSet &S) {
  bool Changed = true;
  while (Changed) {
    Changed = addAliases(M, S);
    for (GlobalVariable &GV : M.globals())
      if (isCandidate(GV) && !S.State.count(&GV) &&
          findStateRef(GV.getInitializer(), S))
        Changed |= S.State.insert(&GV);
  }
}

bool checkSections(Module &M, const StateSet &S) {
  bool OK = true;
  for (GlobalValue *GV : S.State) {
    auto *V = dyn_cast<GlobalVariable>(GV);
    if (V && V->getAlign() && V->getAlign()->value() > ORC_STATE_MAX_ALIGN) {
      reportError(M, describeLocation(*V) + ": state variable '" +
                         V->getName() + "' asks for " +
                         Twine(V->getAlign()->value()) +
                         "-byte alignment; ORC state instances keep at most " +
                         Twine(ORC_STATE_MAX_ALIGN));
      OK = false;
    }
    if (!V || !V->hasSection() || V->getSection() == ORC_SECTION_STATE ||
        V->getSection() == ORC_SECTION_STATE_ZERO)
      continue;
    reportError(M, describeLocation(*V) + ": state variable '" + V->getName() +
                       "' has explicit section '" + V->getSection() +
                       "'; ORC state must live in the " + ORC_SECTION_STATE +
                       " template");
    OK = false;
  }
  return OK;
}

const char *tlsModelName(GlobalValue::ThreadLocalMode Mode) {
  switch (Mode) {
  case GlobalValue::InitialExecTLSModel:
    return "initial-exec";
  case GlobalValue::LocalExecTLSModel:
    return "local-exec";
  default:
    return nullptr;
  }
}

// TLS blocks are per thread and so per cVM; two things are not:
//  - an initialisation image holding a per-cVM address (it is shared);
//  - initial-exec/local-exec in a shared object: a fixed offset from the
//    thread pointer that the loader cannot keep equal for every cVM that
//    shares the object. In programs (PIE) the layout is fixed and they work.
bool checkThreadLocals(Module &M, const StateSet &S) {
  bool OK = true;
  bool SharedObject = M.getPIELevel() == PIELevel::Default;
  for (GlobalVariable &GV : M.globals()) {
    if (!GV.isThreadLocal())
      continue;
    if (GV.hasInitializer()) {
      if (const GlobalValue *Ref = findStateRef(GV.getInitializer(), S)) {
        reportError(M, describeLocation(GV) + ": thread-local variable '" +
                           GV.getName() + "' is initialised with the address "
                           "of '" + Ref->getName() +
                           "', which differs per cVM; initialise it at run "
                           "time instead");
        OK = false;
      }
    }
    if (const char *Model = tlsModelName(GV.getThreadLocalMode());
        Model && SharedObject) {
      reportError(M, describeLocation(GV) + ": thread-local variable '" +
                         GV.getName() + "' uses the " + Model +
                         " TLS model, which ORC does not support in shared "
                         "objects; use the default (global-dynamic) model");
      OK = false;
    }
  }
  return OK;
}

} // namespace

bool classifyState(Module &M, StateSet &S) {
  for (GlobalVariable &GV : M.globals())
    if (isCandidate(GV) && !GV.isConstant())
      S.State.insert(&GV);
  closeOverConstants(M, S);
  bool SectionsOK = checkSections(M, S);
  bool TLSOK = checkThreadLocals(M, S);
  return SectionsOK && TLSOK;
}

} // namespace orc

//===- Rewrite.cpp - step 2: every use of state becomes &x + delta -------===//
//
// In each function that touches state, one load at entry fetches this
// object's delta for the running cVM:
//     %orc.slot  = load i64, ptr @__orc_slot          ; filled once by loader
//     %orc.delta = load i64, ptr addrspace(256) (0x10000 + 8 * %orc.slot)
//                                       ; gs:0x10000(,%slot,8), the table
// and every use of a state global @x, wherever it hides (instruction
// operand, constant expression, aggregate constant, phi incoming value),
// becomes `getelementptr i8, ptr @x, i64 %orc.delta` placed just before
// the use. The GEP is not inbounds: the result lies outside @x, and since
// the pass runs after every IR optimisation nothing reasons about it.
// An external data symbol @e is reached through its import cell, which is
// state: `load ptr, (getelementptr i8, @__orc_imp.e, %orc.delta)`.
//
//===----------------------------------------------------------------------===//
#include "Orc.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/ModRef.h"

using namespace llvm;

namespace orc {
namespace {

std::string instLocation(const Instruction &I) {
  if (const DebugLoc &DL = I.getDebugLoc())
    return (cast<DIScope>(DL.getScope())->getFilename() + ":" +
            Twine(DL.getLine()))
        .str();
  return (I.getModule()->getSourceFileName() + ": in function '" +
          I.getFunction()->getName() + "'")
      .str();
}

class FunctionRewriter {
public:
  FunctionRewriter(Module &M, StateSet &S, Function &F) : M(M), S(S), F(F) {}
  bool run();

private:
  Module &M;
  StateSet &S;
  Function &F;
  Value *Delta = nullptr;
  // Rewritten values per (phi, incoming block): one edge, one value.
  DenseMap<std::pair<PHINode *, BasicBlock *>, Value *> PhiValues;

  bool isTarget(const Value *V) const {
    const auto *GV = dyn_cast<GlobalValue>(V);
    return GV && (S.State.count(const_cast<GlobalValue *>(GV)) ||
                  isImportedData(GV));
  }
  bool checkInlineAsm(CallBase &CB);
  void emitDeltaLoad();
  Value *addressOf(GlobalValue *GV, Instruction *At);
  Value *expand(Constant *C, Instruction *At);
};

// The constraint codes of the asm operand that call argument ArgNo feeds.
std::vector<std::string> asmCodesForArg(const InlineAsm &IA, unsigned ArgNo) {
  unsigned Arg = 0;
  for (const InlineAsm::ConstraintInfo &CI : IA.ParseConstraints()) {
    bool TakesArg = CI.Type == InlineAsm::isInput ||
                    (CI.Type == InlineAsm::isOutput && CI.isIndirect);
    if (TakesArg && Arg++ == ArgNo)
      return CI.Codes;
  }
  return {};
}

bool isImmediateCode(StringRef Code) {
  return Code == "i" || Code == "n" || Code == "s" || Code == "X" ||
         Code == "E" || Code == "F";
}

// Does the asm text name symbol Name? A whole identifier counts, except
// as the first word of a statement not followed by ':' -- that is an
// instruction mnemonic or prefix ("lock"), not a symbol reference.
bool namesSymbol(StringRef Text, StringRef Name) {
  auto IsIdent = [](char C) {
    return isAlnum(C) || C == '_' || C == '.' || C == '$';
  };
  for (size_t Pos = Text.find(Name); Pos != StringRef::npos;
       Pos = Text.find(Name, Pos + 1)) {
    bool Before = Pos > 0 && IsIdent(Text[Pos - 1]);
    size_t End = Pos + Name.size();
    bool After = End < Text.size() && IsIdent(Text[End]);
    if (Before || After)
      continue;
    size_t Start = Text.find_last_of("\n;", Pos == 0 ? 0 : Pos - 1);
    bool FirstWord =
        Text.slice(Start == StringRef::npos ? 0 : Start + 1, Pos).trim().empty();
    bool Label = End < Text.size() && Text.substr(End).ltrim().starts_with(":");
    if (!FirstWord || Label)
      return true;
  }
  return false;
}

// An asm operand in a register or memory constraint is rewritten like any
// other use (the asm receives the cVM's address). What cannot be made safe:
// the asm text naming a state symbol, or a state address demanded as an
// immediate/symbolic operand, which bakes in the template address.
bool FunctionRewriter::checkInlineAsm(CallBase &CB) {
  const auto *IA = dyn_cast<InlineAsm>(CB.getCalledOperand());
  if (!IA)
    return true;
  LLVMContext &Ctx = M.getContext();
  for (GlobalValue *GV : S.State) {
    if (!GV->hasName() || !namesSymbol(IA->getAsmString(), GV->getName()))
      continue;
    Ctx.emitError(&CB, "orc: " + instLocation(CB) +
                           ": inline asm names state variable '" +
                           GV->getName() + "' (defined at " +
                           describeLocation(*GV) +
                           "); pass its address as an operand instead");
    return false;
  }
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    auto *C = dyn_cast<Constant>(CB.getArgOperand(I));
    const GlobalValue *Ref = C ? findStateRef(C, S) : nullptr;
    if (!Ref)
      continue;
    for (const std::string &Code : asmCodesForArg(*IA, I)) {
      if (!isImmediateCode(Code))
        continue;
      Ctx.emitError(&CB, "orc: " + instLocation(CB) +
                             ": inline asm takes the address of state "
                             "variable '" +
                             Ref->getName() +
                             "' as an immediate operand ('" + Code +
                             "'); use a register or memory operand");
      return false;
    }
  }
  return true;
}

// One load of the delta per function, at entry, after the static allocas.
void FunctionRewriter::emitDeltaLoad() {
  BasicBlock &Entry = F.getEntryBlock();
  BasicBlock::iterator At = Entry.getFirstInsertionPt();
  while (At != Entry.end() && isa<AllocaInst>(*At))
    ++At;
  IRBuilder<> B(&Entry, At);
  LLVMContext &Ctx = M.getContext();
  MDNode *Invariant = MDNode::get(Ctx, {});
  LoadInst *Slot =
      B.CreateLoad(B.getInt64Ty(), getOrCreateSlotCell(M), "orc.slot");
  Slot->setMetadata(LLVMContext::MD_invariant_load, Invariant);
  // The table lies at GS + CTableOffset (the cVM window's layout).
  Constant *Table = ConstantExpr::getIntToPtr(
      B.getInt64(CTableOffset), PointerType::get(Ctx, GSAddrSpace));
  Value *Entry8 =
      B.CreateGEP(B.getInt64Ty(), Table, Slot, "orc.ctable.entry");
  LoadInst *D = B.CreateLoad(B.getInt64Ty(), Entry8, "orc.delta");
  D->setMetadata(LLVMContext::MD_invariant_load, Invariant);
  Delta = D;
  // The function now reads the slot cell and the capability table (and
  // import cells): memory(none) or argmem-only attributes no longer hold.
  F.setMemoryEffects(F.getMemoryEffects() |
                     MemoryEffects(IRMemLocation::Other, ModRefInfo::Ref));
}

Value *FunctionRewriter::addressOf(GlobalValue *GV, Instruction *At) {
  IRBuilder<> B(At);
  if (isImportedData(GV)) {
    GlobalVariable *Cell = getOrCreateImportCell(M, *GV);
    Value *CellAddr =
        B.CreateGEP(B.getInt8Ty(), Cell, Delta, Cell->getName() + ".cvm");
    LoadInst *L = B.CreateLoad(GV->getType(), CellAddr, GV->getName() + ".imp");
    L->setMetadata(LLVMContext::MD_invariant_load,
                   MDNode::get(M.getContext(), {}));
    return L;
  }
  return B.CreateGEP(B.getInt8Ty(), GV, Delta, GV->getName() + ".cvm");
}

// Rebuild constant C as instructions before At, with every state global in
// it replaced by its address in the running cVM.
Value *FunctionRewriter::expand(Constant *C, Instruction *At) {
  if (auto *GV = dyn_cast<GlobalValue>(C))
    return isTarget(GV) ? addressOf(GV, At) : C;
  if (!findStateRef(C, S))
    return C;
  if (auto *CE = dyn_cast<ConstantExpr>(C)) {
    Instruction *NI = CE->getAsInstruction();
    NI->insertBefore(At);
    for (unsigned I = 0, E = NI->getNumOperands(); I != E; ++I)
      NI->setOperand(I, expand(cast<Constant>(NI->getOperand(I)), NI));
    return NI;
  }
  if (isa<ConstantAggregate>(C)) {
    IRBuilder<> B(At);
    Value *Agg = PoisonValue::get(C->getType());
    for (unsigned I = 0, E = C->getNumOperands(); I != E; ++I) {
      Value *Elt = expand(cast<Constant>(C->getOperand(I)), At);
      Agg = C->getType()->isVectorTy() ? B.CreateInsertElement(Agg, Elt, I)
                                       : B.CreateInsertValue(Agg, Elt, I);
    }
    return Agg;
  }
  report_fatal_error(Twine("orc: cannot rewrite constant holding state in '") +
                     F.getName() + "'");
}

// Operands that must stay link-time constants: a landing pad's clauses
// and the type-info argument of llvm.eh.typeid.for name C++ type-info
// objects (shared, constant data) and are read by the unwinder, not by
// this code.
static bool mustStayConstant(const Instruction &I) {
  if (isa<LandingPadInst>(I))
    return true;
  if (const auto *II = dyn_cast<IntrinsicInst>(&I))
    return II->getIntrinsicID() == Intrinsic::eh_typeid_for;
  return false;
}

bool FunctionRewriter::run() {
  const GlobalValue *First = nullptr; // the first state used, for errors
  SmallVector<Instruction *, 64> Users;
  // Inline asm text may name state whether or not the call also passes
  // state as an operand: check every asm call.
  bool OK = true;
  for (Instruction &I : instructions(F))
    if (auto *CB = dyn_cast<CallBase>(&I); CB && CB->isInlineAsm())
      OK &= checkInlineAsm(*CB);
  if (!OK)
    return false;
  for (Instruction &I : instructions(F)) {
    if (mustStayConstant(I))
      continue;
    bool Uses = false;
    for (Value *Op : I.operands()) {
      auto *C = dyn_cast<Constant>(Op);
      if (const GlobalValue *Ref = C ? findStateRef(C, S) : nullptr) {
        First = First ? First : Ref;
        Uses = true;
      }
    }
    if (Uses)
      Users.push_back(&I);
  }
  if (Users.empty())
    return true;
  if (F.hasFnAttribute(Attribute::Naked)) {
    reportError(M, M.getSourceFileName() + ": naked function '" + F.getName() +
                       "' uses state variable '" + First->getName() +
                       "'; naked functions cannot load the cVM's delta");
    return false;
  }
  emitDeltaLoad();
  for (Instruction *I : Users) {
    auto *PN = dyn_cast<PHINode>(I);
    for (unsigned Idx = 0, E = I->getNumOperands(); Idx != E; ++Idx) {
      auto *C = dyn_cast<Constant>(I->getOperand(Idx));
      if (!C || !findStateRef(C, S))
        continue;
      if (!PN) {
        I->setOperand(Idx, expand(C, I));
        continue;
      }
      BasicBlock *From = PN->getIncomingBlock(Idx);
      Value *&V = PhiValues[{PN, From}];
      if (!V)
        V = expand(C, From->getTerminator());
      I->setOperand(Idx, V);
    }
  }
  return true;
}

bool checkModuleAsm(Module &M, const StateSet &S) {
  StringRef Asm = M.getModuleInlineAsm();
  if (Asm.empty())
    return true;
  for (GlobalValue *GV : S.State)
    if (GV->hasName() && namesSymbol(Asm, GV->getName())) {
      reportError(M, describeLocation(*GV) +
                         ": module-level asm names state variable '" +
                         GV->getName() + "'");
      return false;
    }
  return true;
}

} // namespace

bool rewriteFunctions(Module &M, StateSet &S) {
  if (!checkModuleAsm(M, S))
    return false;
  bool OK = true;
  for (Function &F : M) {
    if (F.isDeclaration() || isReserved(F))
      continue;
    OK &= FunctionRewriter(M, S, F).run();
  }
  return OK;
}

} // namespace orc

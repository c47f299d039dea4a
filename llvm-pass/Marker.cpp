//===- Marker.cpp - step 3: the template section, cells and the note -----===//
//
// State goes into one output section, orc_state, so the linker lays every
// translation unit's state out contiguously: that output section is the
// object's state template. Zero-initialised state is emitted in the input
// section orc_state.zero, which orc-layout.ld places after every
// translation unit's initialised state: what needs writing at
// instantiation (initial values, addresses) is packed on the first pages. The slot cell lives in its own section,
// orc_slot, outside the template; the loader writes it once per object.
// A .note.orc note marks the object as built by this pass, with the format
// version. docs/object-format.md describes all three.
//
//===----------------------------------------------------------------------===//
#include "Orc.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace orc {
namespace {

// A hidden linkonce_odr global in a comdat of its own name: every
// translation unit of one linked object shares the single copy.
GlobalVariable *getOrCreateShared(Module &M, StringRef Name, Type *Ty,
                                  Constant *Init, StringRef Section) {
  if (GlobalVariable *GV = M.getNamedGlobal(Name))
    return GV;
  auto *GV = new GlobalVariable(M, Ty, /*isConstant=*/false,
                                GlobalValue::LinkOnceODRLinkage, Init, Name);
  GV->setVisibility(GlobalValue::HiddenVisibility);
  GV->setComdat(M.getOrInsertComdat(Name));
  GV->setSection(Section);
  GV->setAlignment(Align(8));
  return GV;
}

} // namespace

GlobalVariable *getOrCreateSlotCell(Module &M) {
  Type *I64 = Type::getInt64Ty(M.getContext());
  return getOrCreateShared(M, ORC_SLOT_CELL, I64, ConstantInt::get(I64, 0),
                           ORC_SECTION_SLOT);
}

GlobalVariable *getOrCreateImportCell(Module &M, GlobalValue &Decl) {
  return getOrCreateShared(M, (ORC_IMPORT_CELL_PREFIX + Decl.getName()).str(),
                           Decl.getType(), &Decl, ORC_SECTION_STATE);
}

void placeState(Module &M, StateSet &S) {
  for (GlobalValue *GV : S.State) {
    // Reached as `lea x(%rip)`, never through the GOT: a GOT entry would be
    // a shared page holding a template address. Objects are linked with
    // -Bsymbolic so that this holds for weak and comdat definitions too.
    if (!GV->hasLocalLinkage() && GV->hasDefaultVisibility())
      GV->setDSOLocal(true);
    auto *V = dyn_cast<GlobalVariable>(GV);
    if (!V)
      continue;
    // A common symbol (-fcommon) would be emitted as .comm, in .bss,
    // ignoring the section: a weak definition merges the same way.
    if (V->hasCommonLinkage())
      V->setLinkage(GlobalValue::WeakAnyLinkage);
    const Constant *Init = V->hasInitializer() ? V->getInitializer() : nullptr;
    bool Explicit = V->hasSection() && V->getSection() == ORC_SECTION_STATE;
    V->setSection(Init && Init->isNullValue() && !Explicit
                      ? ORC_SECTION_STATE_ZERO
                      : ORC_SECTION_STATE);
    // Per-cVM copies are written by the loader, and by the program when
    // the C code says so; constness and address merging no longer apply.
    V->setConstant(false);
    V->setUnnamedAddr(GlobalValue::UnnamedAddr::None);
  }
}

// An ELF note: namesz, descsz, type, "ORC\0", then the description
// { format version, LLVM major version of the pass }.
void emitMarker(Module &M) {
  LLVMContext &Ctx = M.getContext();
  Type *I32 = Type::getInt32Ty(Ctx);
  auto U32 = [&](uint32_t V) { return ConstantInt::get(I32, V); };
  Constant *Name = ConstantDataArray::getString(Ctx, ORC_NOTE_NAME, true);
  static_assert(sizeof ORC_NOTE_NAME == ORC_NOTE_NAMESZ, "namesz");
  static_assert(ORC_NOTE_DESCSZ == 8, "desc is two u32");
  Constant *Fields[] = {U32(ORC_NOTE_NAMESZ),    U32(ORC_NOTE_DESCSZ),
                        U32(ORC_NOTE_TYPE),      Name,
                        U32(ORC_FORMAT_VERSION), U32(ORC_LLVM_MAJOR)};
  Constant *Note = ConstantStruct::getAnon(Ctx, Fields, /*Packed=*/true);
  auto *GV = new GlobalVariable(M, Note->getType(), /*isConstant=*/true,
                                GlobalValue::PrivateLinkage, Note, NoteName);
  GV->setSection(ORC_SECTION_NOTE);
  GV->setAlignment(Align(4));
  appendToCompilerUsed(M, {GV});
  // orc-layout.ld inserts the template before .data; lld can only insert
  // next to an output section that exists, and an object may have no
  // other writable data. An empty .data section is the anchor.
  M.appendModuleInlineAsm(".pushsection .data,\"aw\",@progbits\n.popsection");
}

} // namespace orc

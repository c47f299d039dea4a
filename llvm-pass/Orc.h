//===- Orc.h - the ORC pass: shared declarations ---------------*- C++ -*-===//
//
// The pass makes every access to a translation unit's writable state
// capability-relative: &x in the running cVM is &x + delta, where delta is
// this object's entry in the cVM's capability table, reached through GS.
// docs/object-format.md is the contract with the loader.
//
// The module walk is split into named steps, each in its own file:
//   Classify.cpp  which globals are state, and what the pass must refuse;
//   Rewrite.cpp   import cells, the per-function delta load, every use;
//   Marker.cpp    placing state in the template section, the slot cell and
//                 the object-format note.
//
//===----------------------------------------------------------------------===//
#ifndef ORC_PASS_ORC_H
#define ORC_PASS_ORC_H

#include "Compat.h"
#include "orc_format.h" // include/: the object format's names and numbers

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/IR/GlobalValue.h"

namespace llvm {
class Constant;
class GlobalVariable;
class Module;
class Value;
} // namespace llvm

namespace orc {

// The object format's names and numbers are orc_format.h's ORC_* macros.
// The note's own (private, never linked) global:
inline constexpr const char *NoteName = "__orc_note";
// x86 address space whose base is the GS segment base.
inline constexpr unsigned GSAddrSpace = 256;
// Where the capability table lies in the cVM window that GS points at
// (ORC_CTABLE_OFFSET of runtime/src/internal/orc_abi.h).
inline constexpr uint64_t CTableOffset = 0x10000;

struct StateSet {
  // Globals (variables and aliases) addressed as &x + delta. Import cells
  // are made as uses are found (getOrCreateImportCell), not listed here.
  llvm::SetVector<llvm::GlobalValue *> State;
};

bool isReserved(const llvm::GlobalValue &GV);
// True for data whose address this TU must import through a cell: a
// declaration, or a definition the linker may replace (weak, common).
bool isImportedData(const llvm::Value *V);
// The first state or imported global that constant C refers to (depth
// first), or null: whether C must be rewritten, and what to name if not.
const llvm::GlobalValue *findStateRef(const llvm::Constant *C,
                                      const StateSet &S);

// Step 1: fills S.State; false after reporting an error.
bool classifyState(llvm::Module &M, StateSet &S);
// Step 2: rewrites every function; false after reporting an error.
bool rewriteFunctions(llvm::Module &M, StateSet &S);
// Step 3: moves state into the template section and emits the marker.
void placeState(llvm::Module &M, StateSet &S);
void emitMarker(llvm::Module &M);
// The per-object slot cell (one per linked object, via a comdat) and the
// import cell of an external data declaration (one per object and symbol).
llvm::GlobalVariable *getOrCreateSlotCell(llvm::Module &M);
llvm::GlobalVariable *getOrCreateImportCell(llvm::Module &M,
                                            llvm::GlobalValue &Decl);

// The one error path: a compile error that names what could not be made
// safe. Locations come from debug info or inline-asm srcloc when present.
void reportError(llvm::Module &M, const llvm::Twine &Msg);
std::string describeLocation(const llvm::GlobalValue &GV);

} // namespace orc

#endif

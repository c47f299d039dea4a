// orc-as: the SFI assembler stage (docs/sfi.md). An assembler for x86-64
// ELF built on LLVM's MC layer: it parses assembly with LLVM's own parser,
// rewrites every instruction into the forms docs/sfi.md allows, and emits
// the object with MC's bundle-alignment support (32-byte bundles, locked
// sequences, calls at bundle ends). It refuses what it cannot make safe
// with a message naming the file, the line and the instruction.
//
// It is not trusted: the loader's verifier checks its output. It exists so
// that what the verifier would refuse is not built in the first place.
//
// Command line (the part of GNU as's that clang -fno-integrated-as uses):
//   orc-as [--no-sfi] [-o OUT] [-I DIR]... [--gdwarf-N] [--64] [IN | -]
// --no-sfi assembles unchanged (insecure; benchmark baselines only).
// --orc-insecure-bench-off=FAMILY[,FAMILY...] turns single rewrite
// families off, to attribute the SFI overhead (benchmarks/runtime; see
// BenchOff below and docs/sfi.md section 8). Measurement only: such code
// does not verify and runs only under orc run --insecure-no-verify.
//
// Rewriting works on MCInsts, not text: which operands are memory, whether
// an instruction reads or writes memory, and which registers it defines
// come from LLVM's instruction tables. Opcode and register numbers are
// looked up by name (LLVM installs no X86 enum headers).
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/MC/MCAsmBackend.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCCodeEmitter.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCELFStreamer.h"
#include "llvm/MC/MCExpr.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstPrinter.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCObjectFileInfo.h"
#include "llvm/MC/MCObjectWriter.h"
#include "llvm/MC/MCParser/MCAsmParser.h"
#include "llvm/MC/MCParser/MCTargetAsmParser.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSectionELF.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCSymbolELF.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

#include "orc_abi.h" /* ORC_CTABLE_OFFSET, ORC_SLOT_WINDOW */

#include <cstdlib>
#include <string>
#include <vector>

using namespace llvm;

namespace {

const char *const TripleName = "x86_64-unknown-linux-gnu";
constexpr int BundleLog2 = 5; // 32-byte bundles (docs/sfi.md B1)
constexpr int64_t StackDispBound = 32768; // M3/M4
// %gs: offsets of the gate's slot (C4) and of W (S3).
constexpr int64_t GateSlot = ORC_CTABLE_OFFSET;
constexpr int64_t WindowSlot = ORC_CTABLE_OFFSET + 8 * ORC_SLOT_WINDOW;

// Benchmark-only switches (--orc-insecure-bench-off): each bit turns one
// rewrite family off while the others stay, so a run per bit attributes
// the overhead. The code they make is never safe and never verifies.
enum BenchOff : unsigned {
  OffBundles = 1, // no 32-byte bundles at all: no bundle mode, no locked
                  // sequences, no label alignment, no padding, calls
                  // anywhere (masks stay as andl $-1, same bytes and cost)
  OffCalls = 2,   // calls not moved to bundle ends (B4); masks andl $-1,
                  // since return addresses are no longer bundle starts
  OffMem = 4,     // memory operands as written: no %gs:, no addr32 (M1)
  OffMask = 8,    // indirect jmp/call unmasked; jmp/call *mem kept (C1, C2)
  OffRet = 16,    // ret kept as ret (C3)
  OffRsp = 32,    // no re-basing after writes to %rsp; leave kept (S3)
  OffString = 64, // movs/stos (rep) kept, not expanded into loops
};
const struct {
  const char *Name;
  unsigned Bit;
} BenchFamilies[] = {{"bundles", OffBundles}, {"calls", OffCalls},
                     {"mem", OffMem},         {"mask", OffMask},
                     {"ret", OffRet},         {"rsp", OffRsp},
                     {"string", OffString}};

// Opcode and register numbers by LLVM's names.
struct Names {
  StringMap<unsigned> Op, Reg;
  Names(const MCInstrInfo &MII, const MCRegisterInfo &MRI) {
    for (unsigned I = 0; I < MII.getNumOpcodes(); ++I)
      Op[MII.getName(I)] = I;
    for (unsigned I = 1; I < MRI.getNumRegs(); ++I)
      Reg[MRI.getName(I)] = I;
  }
  unsigned op(StringRef N) const {
    auto It = Op.find(N);
    if (It == Op.end())
      report_fatal_error("orc-as: LLVM has no opcode " + N);
    return It->second;
  }
  unsigned reg(StringRef N) const {
    auto It = Reg.find(N);
    if (It == Reg.end())
      report_fatal_error("orc-as: LLVM has no register " + N);
    return It->second;
  }
};

// Labels that must start a bundle, found by a first parse of the input:
// every label a data directive outside executable sections refers to (jump
// tables, in any section but text) and every label whose address code
// takes (blockaddress), besides functions and global labels, which the
// streamer aligns by their type.
struct Targets {
  StringSet<> Labels;
};

void collectSymbols(const MCExpr *E, StringSet<> &Out) {
  switch (E->getKind()) {
  case MCExpr::SymbolRef:
    Out.insert(cast<MCSymbolRefExpr>(E)->getSymbol().getName());
    break;
  case MCExpr::Binary:
    collectSymbols(cast<MCBinaryExpr>(E)->getLHS(), Out);
    collectSymbols(cast<MCBinaryExpr>(E)->getRHS(), Out);
    break;
  case MCExpr::Unary:
    collectSymbols(cast<MCUnaryExpr>(E)->getSubExpr(), Out);
    break;
  default:
    break;
  }
}

bool isExec(const MCSection *S) {
  const auto *E = dyn_cast_or_null<MCSectionELF>(S);
  return E && (E->getFlags() & ELF::SHF_EXECINSTR);
}

// The first pass: records indirect-branch targets, emits nothing kept.
class CollectStreamer : public MCELFStreamer {
  Targets &T;
  const MCInstrInfo &MII;

public:
  CollectStreamer(MCContext &Ctx, std::unique_ptr<MCAsmBackend> TAB,
                  std::unique_ptr<MCObjectWriter> OW,
                  std::unique_ptr<MCCodeEmitter> CE, Targets &T,
                  const MCInstrInfo &MII)
      : MCELFStreamer(Ctx, std::move(TAB), std::move(OW), std::move(CE)),
        T(T), MII(MII) {}
  void emitValueImpl(const MCExpr *V, unsigned Size, SMLoc Loc) override {
    // Jump tables live in loaded data; debug sections and unwind tables
    // refer to code labels too, but never to branch targets.
    const auto *S = dyn_cast_or_null<MCSectionELF>(getCurrentSectionOnly());
    if (S && !isExec(S) && (S->getFlags() & ELF::SHF_ALLOC) &&
        S->getType() != ELF::SHT_X86_64_UNWIND && S->getName() != ".eh_frame")
      collectSymbols(V, T.Labels);
    MCELFStreamer::emitValueImpl(V, Size, Loc);
  }
  void emitInstruction(const MCInst &I, const MCSubtargetInfo &STI) override {
    // lea of a code label: its address is taken (computed goto).
    if (StringRef(MII.getName(I.getOpcode())).starts_with("LEA"))
      for (const MCOperand &O : I)
        if (O.isExpr())
          collectSymbols(O.getExpr(), T.Labels);
    MCELFStreamer::emitInstruction(I, STI);
  }
};

// The second pass: rewrites and emits.
class SfiStreamer : public MCELFStreamer {
  const MCInstrInfo &MII;
  const MCRegisterInfo &MRI;
  const Names &N;
  const Targets &T;
  MCInstPrinter &Printer;
  const MCSubtargetInfo &STI0;
  SourceMgr &SrcMgr;
  bool Sfi;
  unsigned Off; // BenchOff bits; 0 except in benchmark builds
  unsigned &Errors;
  std::vector<MCSection *> CodeSections;
  bool Locked = false;
  bool PendingRep = false;  // a `rep` prefix parsed as an instruction of its own
  bool PendingLock = false; // the same for `lock`
  // data16 and rex64 written alone: clang writes them only around the
  // general-dynamic TLS call (tlsSequence).
  unsigned PendingPrefixes = 0;
  // Inside a TLS sequence: its lea is emitted, its call comes next.
  enum { TlsNone, TlsGd, TlsLd } Tls = TlsNone;

  // Registers and opcodes used by the rewrites.
  unsigned RSP, ESP, SP, SPL, RIP, GS, FS, EIZ, R11, R11D, RBP, EBP;
  unsigned RET64, RETI64, JMP64r, JMP64m, CALL64r, CALL64m, CALL64pcrel32,
      POP64r, AND32ri, MOV32rr, MOV64rm, ADD64rm, LEAVE64;

public:
  SfiStreamer(MCContext &Ctx, std::unique_ptr<MCAsmBackend> TAB,
              std::unique_ptr<MCObjectWriter> OW,
              std::unique_ptr<MCCodeEmitter> CE, const MCInstrInfo &MII,
              const MCRegisterInfo &MRI, const Names &N, const Targets &T,
              MCInstPrinter &Printer, const MCSubtargetInfo &STI0,
              SourceMgr &SrcMgr, bool Sfi, unsigned Off, unsigned &Errors)
      : MCELFStreamer(Ctx, std::move(TAB), std::move(OW), std::move(CE)),
        MII(MII), MRI(MRI), N(N), T(T), Printer(Printer), STI0(STI0),
        SrcMgr(SrcMgr),
        Sfi(Sfi), Off(Off), Errors(Errors) {
    RSP = N.reg("RSP"), ESP = N.reg("ESP"), SP = N.reg("SP"),
    SPL = N.reg("SPL"), RIP = N.reg("RIP"), GS = N.reg("GS"),
    FS = N.reg("FS"), EIZ = N.reg("EIZ"), R11 = N.reg("R11"),
    R11D = N.reg("R11D"), RBP = N.reg("RBP"), EBP = N.reg("EBP");
    RET64 = N.op("RET64"), RETI64 = N.op("RETI64"), JMP64r = N.op("JMP64r"),
    JMP64m = N.op("JMP64m"), CALL64r = N.op("CALL64r"),
    CALL64m = N.op("CALL64m"), CALL64pcrel32 = N.op("CALL64pcrel32"),
    POP64r = N.op("POP64r"), AND32ri = N.op("AND32ri8"),
    MOV32rr = N.op("MOV32rr"), MOV64rm = N.op("MOV64rm"),
    ADD64rm = N.op("ADD64rm"), LEAVE64 = N.op("LEAVE64");
  }

  void emitInstruction(const MCInst &I, const MCSubtargetInfo &STI) override {
    if (!Sfi || !isExec(getCurrentSectionOnly())) {
      MCELFStreamer::emitInstruction(I, STI);
      return;
    }
    if (!is_contained(CodeSections, getCurrentSectionOnly()))
      CodeSections.push_back(getCurrentSectionOnly());
    rewrite(I, STI);
  }

  // Functions, global labels and the collected targets start bundles.
  void emitLabel(MCSymbol *S, SMLoc Loc) override {
    // A label inside a locked sequence is one MC makes for the sequence's
    // own line entries, never a branch target.
    if (Sfi && !(Off & OffBundles) && isExec(getCurrentSectionOnly()) &&
        !Locked && mustAlign(S))
      emitCodeAlignment(Align(1u << BundleLog2), &STI0, 0);
    MCELFStreamer::emitLabel(S, Loc);
  }

  // Every executable section with code ends on a bundle edge (B1); called
  // before the streamer is finished.
  void padSections() {
    if (Off & OffBundles)
      return;
    for (MCSection *S : CodeSections) {
      switchSection(S);
      emitCodeAlignment(Align(1u << BundleLog2), &STI0, 0);
    }
  }

private:
  bool mustAlign(const MCSymbol *S) const {
    const auto *E = cast<MCSymbolELF>(S);
    return E->getType() == ELF::STT_FUNC || !S->isTemporary() ||
           T.Labels.contains(S->getName());
  }

  // A locked sequence: one bundle, in order (docs/sfi.md section 2).
  void lock(bool AlignToEnd) {
    if (!(Off & OffBundles))
      MCELFStreamer::emitBundleLock(AlignToEnd && !(Off & OffCalls));
    Locked = true;
  }
  void unlock() {
    if (!(Off & OffBundles))
      MCELFStreamer::emitBundleUnlock();
    Locked = false;
  }

  void emit(const MCInst &I, const MCSubtargetInfo &STI) {
    MCELFStreamer::emitInstruction(I, STI);
  }

  void refuse(const MCInst &I, const MCSubtargetInfo &STI, const Twine &Why) {
    std::string Text;
    raw_string_ostream OS(Text);
    Printer.printInst(&I, 0, "", STI, OS);
    // One space between words, as the instruction would be written.
    std::string Trimmed;
    for (char Ch : StringRef(Text).trim())
      if (!isspace((unsigned char)Ch))
        Trimmed += Ch;
      else if (!Trimmed.empty() && Trimmed.back() != ' ')
        Trimmed += ' ';
    SMLoc Loc = getStartTokLoc(); // the statement's first token
    std::string Where = "<input>";
    if (Loc.isValid()) {
      unsigned Buf = SrcMgr.FindBufferContainingLoc(Loc);
      auto LC = SrcMgr.getLineAndColumn(Loc, Buf);
      Where = (SrcMgr.getMemoryBuffer(Buf)->getBufferIdentifier() + ":" +
               Twine(LC.first))
                  .str();
    }
    errs() << Where << ": orc-as: refused `" << Trimmed << "`: " << Why << "\n";
    ++Errors;
  }

  unsigned reg32(unsigned R) const {
    if (!R || R == EIZ)
      return R;
    StringRef Name = MRI.getName(R);
    static const char *const Map[][2] = {
        {"RAX", "EAX"}, {"RBX", "EBX"}, {"RCX", "ECX"}, {"RDX", "EDX"},
        {"RSI", "ESI"}, {"RDI", "EDI"}, {"RBP", "EBP"}, {"RSP", "ESP"},
        {"R8", "R8D"},  {"R9", "R9D"},  {"R10", "R10D"}, {"R11", "R11D"},
        {"R12", "R12D"}, {"R13", "R13D"}, {"R14", "R14D"}, {"R15", "R15D"}};
    for (auto &P : Map)
      if (Name == P[0])
        return N.reg(P[1]);
    return R; // already 32-bit (or a vector index register: VSIB)
  }

  // Index of the first of the five memory sub-operands, or -1.
  int memOperand(const MCInst &I) const {
    const MCInstrDesc &D = MII.get(I.getOpcode());
    for (unsigned K = 0; K < D.getNumOperands() && K + 4 < I.getNumOperands(); ++K)
      if (D.operands()[K].OperandType == MCOI::OPERAND_MEMORY)
        return K;
    return -1;
  }

  bool isSp(unsigned R) const {
    return R == RSP || R == ESP || R == SP || R == SPL;
  }

  // Rewrites the memory operand at M of I in place into an allowed form
  // (docs/sfi.md M1-M4); false (after a message) when it cannot.
  bool fixMemory(MCInst &I, int M, const MCSubtargetInfo &STI) {
    unsigned Base = I.getOperand(M).getReg();
    unsigned Index = I.getOperand(M + 2).getReg();
    const MCOperand &Disp = I.getOperand(M + 3);
    unsigned Seg = I.getOperand(M + 4).getReg();
    if (Base == RIP) { // M2
      if (Seg) {
        refuse(I, STI, "a segment prefix on a RIP-relative operand (docs/sfi.md M2)");
        return false;
      }
      return true;
    }
    if (Seg == FS) { // M4
      if (Base || Index) {
        refuse(I, STI, "%fs: with a base or index register reaches outside "
                       "the window (docs/sfi.md M4)");
        return false;
      }
      if (Disp.isImm() && (Disp.getImm() < -StackDispBound ||
                           Disp.getImm() >= StackDispBound)) {
        refuse(I, STI, "%fs: displacement past the 32 KiB bound (docs/sfi.md M4)");
        return false;
      }
      return true; // a symbolic @tpoff is checked by the verifier
    }
    if (Seg && Seg != GS) {
      refuse(I, STI, "a segment other than %gs or %fs (docs/sfi.md section 3)");
      return false;
    }
    if (Off & OffMem) // benchmark only: the operand as written
      return true;
    // M3: %rsp with a small displacement stays as it is.
    if (!Seg && Base == RSP && !Index && Disp.isImm() &&
        Disp.getImm() >= -StackDispBound && Disp.getImm() + 64 <= StackDispBound)
      return true;
    // M1: everything else becomes %gs: with 32-bit address size. With no
    // register at all, %eiz as index forces the 32-bit address size.
    I.getOperand(M).setReg(reg32(Base));
    I.getOperand(M + 2).setReg(Base || Index ? reg32(Index) : EIZ);
    I.getOperand(M + 4).setReg(GS);
    return true;
  }

  void andMask(unsigned R32, const MCSubtargetInfo &STI) {
    MCInst A;
    A.setOpcode(AND32ri);
    A.addOperand(MCOperand::createReg(R32));
    A.addOperand(MCOperand::createReg(R32));
    // Benchmark builds without bundle-aligned targets keep the instruction
    // (its cost) but not the low bits: andl $-1 only clears the upper half.
    A.addOperand(MCOperand::createImm(Off & (OffBundles | OffCalls)
                                          ? -1
                                          : -(1 << BundleLog2)));
    emit(A, STI);
  }

  // movl %eFrom, %esp; addq %gs:0x10008, %rsp: %rsp = W + the low 32 bits
  // of From (docs/sfi.md S3; From is %esp itself after a write to %rsp).
  void rebaseSp(unsigned From32, const MCSubtargetInfo &STI) {
    MCInst Z;
    Z.setOpcode(MOV32rr);
    Z.addOperand(MCOperand::createReg(ESP));
    Z.addOperand(MCOperand::createReg(From32));
    emit(Z, STI);
    MCInst A;
    A.setOpcode(ADD64rm);
    A.addOperand(MCOperand::createReg(RSP));
    A.addOperand(MCOperand::createReg(RSP));
    A.addOperand(MCOperand::createReg(0));
    A.addOperand(MCOperand::createImm(1));
    A.addOperand(MCOperand::createReg(EIZ));
    A.addOperand(MCOperand::createImm(WindowSlot));
    A.addOperand(MCOperand::createReg(GS));
    emit(A, STI);
  }

  void regBranch(unsigned Opc, unsigned R64, const MCSubtargetInfo &STI) {
    andMask(reg32(R64), STI);
    MCInst J;
    J.setOpcode(Opc);
    J.addOperand(MCOperand::createReg(R64));
    emit(J, STI);
  }

  // movq MEM, %r11 (MEM the five operands of I at M, fixed).
  bool loadR11(const MCInst &I, int M, const MCSubtargetInfo &STI) {
    MCInst L;
    L.setOpcode(MOV64rm);
    L.addOperand(MCOperand::createReg(R11));
    for (int K = 0; K < 5; ++K)
      L.addOperand(I.getOperand(M + K));
    if (!fixMemory(L, 1, STI))
      return false;
    emit(L, STI);
    return true;
  }

  // What no rewrite makes safe (docs/sfi.md section 6), by LLVM's opcode
  // names: whole names, then families by prefix. The verifier's list is an
  // allow-list; this one only stops what would be refused there anyway.
  static StringRef forbidden(StringRef Name) {
    static const StringMap<const char *> Exact = {
        {"INT", "enters the kernel without the monitor"},
        {"INTO", "enters the kernel without the monitor"},
        {"INT1", "enters the kernel without the monitor"},
        {"SWAPGS", "privileged"},
        {"HLT", "privileged"},
        {"CLI", "privileged"},
        {"STI", "privileged"},
        {"XLAT", "an implicit memory operand"},
        {"ENTER", "allocates a frame of any size"},
        {"MOV16sr", "loads a segment register"},
        {"MOV32sr", "loads a segment register"},
        {"MOV64sr", "loads a segment register"},
        {"MOV16sm", "loads a segment register"},
    };
    static const char *const Strings[] = {
        "LODSB", "LODSW", "LODSL", "LODSQ", "SCASB", "SCASW",
        "SCASL", "SCASQ", "CMPSB", "CMPSW", "CMPSL", "CMPSQ", "INSB",
        "INSW",  "INSL",  "OUTSB", "OUTSW", "OUTSL"};
    static const struct {
      const char *Prefix, *Why;
    } Families[] = {
        {"SYSCALL", "enters the kernel without the monitor"},
        {"SYSENTER", "enters the kernel without the monitor"},
        {"SYSEXIT", "privileged"},
        {"SYSRET", "privileged"},
        {"WRFSBASE", "moves the thread pointer"},
        {"WRGSBASE", "moves the window"},
        {"RDFSBASE", "not allowed in cVM code"},
        {"RDGSBASE", "not allowed in cVM code"},
        {"FARJMP", "a far transfer"},
        {"FARCALL", "a far transfer"},
        {"LRET", "a far transfer"},
        {"IRET", "a far transfer"},
        {"LFS", "loads a segment register"},
        {"LGS", "loads a segment register"},
        {"LSS", "loads a segment register"},
        {"POPFS", "loads a segment register"},
        {"POPGS", "loads a segment register"},
        {"POPDS", "loads a segment register"},
        {"POPES", "loads a segment register"},
        {"POPSS", "loads a segment register"},
        {"REP_", "a string instruction"}, // REP_PREFIX is handled before
        {"MASKMOV", "an implicit memory operand"},
        {"VMASKMOVDQU", "an implicit memory operand"},
        {"PUSHF", "not allowed in cVM code"},
        {"POPF", "can set the trap flag"},
        {"FXSAVE", "an oversized memory operand (M5)"},
        {"FXRSTOR", "an oversized memory operand (M5)"},
        {"XSAVE", "an oversized memory operand (M5)"},
        {"XRSTOR", "an oversized memory operand (M5)"},
        {"IN8", "port I/O"},  {"IN16", "port I/O"},  {"IN32", "port I/O"},
        {"OUT8", "port I/O"}, {"OUT16", "port I/O"}, {"OUT32", "port I/O"},
        {"WRMSR", "privileged"}, {"RDMSR", "privileged"},
        {"LGDT", "privileged"}, {"LIDT", "privileged"},
        {"LLDT", "privileged"}, {"LTR", "privileged"},
        {"INVLPG", "privileged"}, {"WBINVD", "privileged"},
    };
    if (auto It = Exact.find(Name); It != Exact.end())
      return It->second;
    for (const char *S : Strings)
      if (Name == S)
        return "a string instruction";
    for (auto &F : Families)
      if (Name.starts_with(F.Prefix))
        return F.Why;
    return "";
  }

  MCInst inst(StringRef Opc, std::initializer_list<MCOperand> Ops) const {
    MCInst I;
    I.setOpcode(N.op(Opc));
    for (const MCOperand &O : Ops)
      I.addOperand(O);
    return I;
  }
  static MCOperand reg(unsigned R) { return MCOperand::createReg(R); }
  static MCOperand imm(int64_t V) { return MCOperand::createImm(V); }
  MCOperand sym(MCSymbol *S) {
    return MCOperand::createExpr(MCSymbolRefExpr::create(S, getContext()));
  }

  // movs and stos (with or without rep) as a loop of M1 accesses (docs/sfi.md
  // section 3: their %es:(%rdi) cannot be given a segment). The loop uses
  // only lea, jrcxz and jmp, which leave the flags as the string
  // instruction does; movs borrows %rax around it with push and pop, which
  // needs code built without a red zone (orc-cc passes -mno-red-zone).
  // The direction flag is taken to be clear, as the ABI has it at every
  // call; code that sets it (std) and then copies would copy forwards.
  void expandString(StringRef Name, bool Rep, const MCSubtargetInfo &STI) {
    bool Movs = Name.starts_with("MOVS");
    char K = Name.back();
    int Size = K == 'B' ? 1 : K == 'W' ? 2 : K == 'L' ? 4 : 8;
    const char *Val = K == 'B' ? "AL" : K == 'W' ? "AX" : K == 'L' ? "EAX" : "RAX";
    std::string W = K == 'B' ? "8" : K == 'W' ? "16" : K == 'L' ? "32" : "64";
    unsigned ESI = N.reg("ESI"), EDI = N.reg("EDI"), RSI = N.reg("RSI"),
             RDI = N.reg("RDI"), RCX = N.reg("RCX"), RAX = N.reg("RAX"),
             V = N.reg(Val);
    MCSymbol *Top = getContext().createNamedTempSymbol("orc_str");
    MCSymbol *Done = getContext().createNamedTempSymbol("orc_str");
    if (Movs)
      emit(inst("PUSH64r", {reg(RAX)}), STI);
    if (Rep) {
      MCELFStreamer::emitLabel(Top);
      emit(inst("JRCXZ", {sym(Done)}), STI);
    }
    if (Movs)
      emit(inst("MOV" + W + "rm", {reg(V), reg(ESI), imm(1), reg(0), imm(0), reg(GS)}), STI);
    emit(inst("MOV" + W + "mr", {reg(EDI), imm(1), reg(0), imm(0), reg(GS), reg(V)}), STI);
    if (Movs)
      emit(inst("LEA64r", {reg(RSI), reg(RSI), imm(1), reg(0), imm(Size), reg(0)}), STI);
    emit(inst("LEA64r", {reg(RDI), reg(RDI), imm(1), reg(0), imm(Size), reg(0)}), STI);
    if (Rep) {
      emit(inst("LEA64r", {reg(RCX), reg(RCX), imm(1), reg(0), imm(-1), reg(0)}), STI);
      emit(inst("JMP_1", {sym(Top)}), STI);
      MCELFStreamer::emitLabel(Done);
    }
    if (Movs)
      emit(inst("POP64r", {reg(RAX)}), STI);
  }

  // The symbol an operand names with the given variant, or null.
  static const MCSymbol *symbolOf(const MCOperand &O,
                                  MCSymbolRefExpr::VariantKind K) {
    if (!O.isExpr())
      return nullptr;
    const auto *E = dyn_cast<MCSymbolRefExpr>(O.getExpr());
    return E && E->getKind() == K ? &E->getSymbol() : nullptr;
  }

  bool isTlsGetAddrCall(const MCInst &I) const {
    auto Named = [](const MCSymbol *S) {
      return S && S->getName() == "__tls_get_addr";
    };
    if (I.getOpcode() == CALL64pcrel32)
      return Named(symbolOf(I.getOperand(0), MCSymbolRefExpr::VK_None)) ||
             Named(symbolOf(I.getOperand(0), MCSymbolRefExpr::VK_PLT));
    if (I.getOpcode() == CALL64m) { // -fno-plt: call *__tls_get_addr@GOTPCREL(%rip)
      int M = memOperand(I);
      return I.getOperand(M).getReg() == RIP &&
             Named(symbolOf(I.getOperand(M + 3), MCSymbolRefExpr::VK_GOTPCREL));
    }
    return false;
  }

  // General- and local-dynamic TLS (docs/sfi.md, "TLS"): clang writes
  //   data16 leaq x@tlsgd(%rip), %rdi; data16 rex64 call *__tls_get_addr@GOTPCREL(%rip)
  //   leaq x@tlsld(%rip), %rdi; call *__tls_get_addr@GOTPCREL(%rip)
  // The linker rewrites such a pair in place (to local- or initial-exec in
  // a program), so the pair must stay contiguous and in the byte form it
  // knows. It is emitted as one locked sequence ending its bundle, with
  // the call direct (`data16 data16 rex64 call __tls_get_addr@PLT` for GD),
  // to the __tls_get_addr every ORC object links in (liborc_nonshared.a),
  // so no PLT stub and no unmasked jump through memory is made. True if I
  // was consumed.
  bool tlsSequence(const MCInst &I, const MCSubtargetInfo &STI) {
    unsigned Prefixes = PendingPrefixes;
    PendingPrefixes = 0;
    if (Tls != TlsNone) {
      bool Gd = Tls == TlsGd;
      Tls = TlsNone;
      if (!isTlsGetAddrCall(I) || Prefixes != (Gd ? 2 : 0)) {
        unlock();
        refuse(I, STI, "a TLS lea (x@tlsgd or x@tlsld) not followed by its "
                       "call to __tls_get_addr");
        return true;
      }
      if (Gd) {
        emit(inst("DATA16_PREFIX", {}), STI);
        emit(inst("DATA16_PREFIX", {}), STI);
        emit(inst("REX64_PREFIX", {}), STI);
      }
      MCSymbol *Fn = getContext().getOrCreateSymbol("__tls_get_addr");
      emit(inst("CALL64pcrel32", {MCOperand::createExpr(MCSymbolRefExpr::create(
                                     Fn, MCSymbolRefExpr::VK_PLT, getContext()))}),
           STI);
      unlock();
      return true;
    }
    bool Gd = false, Ld = false;
    if (StringRef(MII.getName(I.getOpcode())) == "LEA64r") {
      Gd = symbolOf(I.getOperand(4), MCSymbolRefExpr::VK_TLSGD);
      Ld = symbolOf(I.getOperand(4), MCSymbolRefExpr::VK_TLSLD);
    }
    if (!Gd && !Ld) {
      if (Prefixes) {
        refuse(I, STI, "data16 or rex64 written alone outside a TLS sequence "
                       "(write the prefix with its instruction)");
        return true;
      }
      return false;
    }
    if (I.getOperand(1).getReg() != RIP || I.getOperand(0).getReg() != N.reg("RDI") ||
        Prefixes != (Gd ? 1 : 0)) {
      refuse(I, STI, "a TLS lea not in the form the linker expects "
                     "(data16 leaq x@tlsgd(%rip), %rdi or leaq x@tlsld(%rip), %rdi)");
      return true;
    }
    lock(true);
    if (Gd)
      emit(inst("DATA16_PREFIX", {}), STI);
    emit(I, STI);
    Tls = Gd ? TlsGd : TlsLd;
    return true;
  }

  void rewrite(const MCInst &In, const MCSubtargetInfo &STI) {
    MCInst I = In;
    unsigned Opc = I.getOpcode();
    StringRef Name = MII.getName(Opc);
    const MCInstrDesc &D = MII.get(Opc);
    // rep comes as a flag of the instruction (X86::IP_HAS_REPEAT and
    // IP_HAS_REPEAT_NE, LLVM's X86BaseInfo.h) or, written alone on a
    // line, as an instruction of its own.
    constexpr unsigned HasRepeat = 1u << 3, HasRepeatNE = 1u << 2;
    bool Rep = PendingRep || (I.getFlags() & (HasRepeat | HasRepeatNE));
    PendingRep = false;
    if (Name == "REP_PREFIX") {
      PendingRep = true;
      return;
    }
    // `lock` written alone (musl's "lock ; cmpxchg"): a flag of the next
    // instruction (X86::IP_HAS_LOCK), so that no padding comes between.
    constexpr unsigned HasLock = 1u << 4;
    if (Name == "LOCK_PREFIX") {
      PendingLock = true;
      return;
    }
    if (PendingLock) {
      I.setFlags(I.getFlags() | HasLock);
      PendingLock = false;
    }
    if (Name == "DATA16_PREFIX" || Name == "REX64_PREFIX") {
      ++PendingPrefixes;
      return;
    }
    if (tlsSequence(I, STI))
      return;
    // Other prefixes written alone would be split from their instruction
    // by padding.
    if (Name.ends_with("_PREFIX")) {
      refuse(I, STI, "a prefix written as an instruction of its own (write "
                     "it with its instruction)");
      return;
    }
    static const StringSet<> Rewritten = {"MOVSB", "MOVSW", "MOVSL", "MOVSQ",
                                          "STOSB", "STOSW", "STOSL", "STOSQ"};
    if (Rewritten.contains(Name) && (Off & OffString)) {
      if (Rep) // written alone (PendingRep): put it back on the instruction
        I.setFlags(I.getFlags() | HasRepeat);
      emit(I, STI);
      return;
    }
    if (Rewritten.contains(Name)) {
      // Only the default segment for the source, 64-bit addressing.
      for (const MCOperand &O : I)
        if (O.isReg() && (O.getReg() == FS || O.getReg() == GS ||
                          StringRef(MRI.getName(O.getReg())).starts_with("E"))) {
          refuse(I, STI, "a string instruction with a segment or 32-bit "
                         "addressing (docs/sfi.md section 3)");
          return;
        }
      expandString(Name, Rep, STI);
      return;
    }
    if (Rep && Opc != RET64) {
      refuse(I, STI, "rep with an instruction other than movs or stos "
                     "(docs/sfi.md section 3)");
      return;
    }
    if (StringRef Why = forbidden(Name); !Why.empty()) {
      refuse(I, STI, Why + " (docs/sfi.md section 6)");
      return;
    }
    if (Opc == RETI64 || Name.starts_with("RETI")) {
      refuse(I, STI, "ret $imm (docs/sfi.md C3)");
      return;
    }
    if (Opc == RET64 && (Off & OffRet)) {
      emit(I, STI);
      return;
    }
    // C3: ret = pop %r11; and; jmp *%r11.
    if (Opc == RET64) {
      lock(false);
      MCInst P;
      P.setOpcode(POP64r);
      P.addOperand(MCOperand::createReg(R11));
      emit(P, STI);
      regBranch(JMP64r, R11, STI);
      unlock();
      return;
    }
    // C1: jmp/call through a register, masked in place.
    if (Opc == JMP64r || Opc == CALL64r) {
      unsigned R = I.getOperand(0).getReg();
      if (isSp(R)) {
        refuse(I, STI, "a branch through %rsp (docs/sfi.md C1)");
        return;
      }
      lock(Opc == CALL64r);
      if (Off & OffMask)
        emit(I, STI);
      else
        regBranch(Opc, R, STI);
      unlock();
      return;
    }
    if (Opc == JMP64m || Opc == CALL64m) {
      int M = memOperand(I);
      unsigned Base = I.getOperand(M).getReg(),
               Index = I.getOperand(M + 2).getReg(),
               Seg = I.getOperand(M + 4).getReg();
      const MCOperand &Disp = I.getOperand(M + 3);
      // C4: the hostcall, call *%gs:0x10000.
      if (Opc == CALL64m && Seg == GS && !Base && (!Index || Index == EIZ) &&
          Disp.isImm() && Disp.getImm() == GateSlot) {
        I.getOperand(M + 2).setReg(EIZ);
        lock(true);
        emit(I, STI);
        unlock();
        return;
      }
      // C2: through %r11, dead at a call and at a tail call (which is
      // what a jump through memory is in compiler output).
      lock(Opc == CALL64m);
      if (Off & OffMask) {
        if (fixMemory(I, M, STI))
          emit(I, STI);
      } else if (loadR11(I, M, STI))
        regBranch(Opc == CALL64m ? CALL64r : JMP64r, R11, STI);
      unlock();
      return;
    }
    // leave = movl %ebp, %esp; re-base; pop %rbp (docs/sfi.md S3).
    if (Opc == LEAVE64 && (Off & OffRsp)) {
      emit(I, STI);
      return;
    }
    if (Opc == LEAVE64) {
      lock(false);
      rebaseSp(EBP, STI);
      MCInst P;
      P.setOpcode(POP64r);
      P.addOperand(MCOperand::createReg(RBP));
      emit(P, STI);
      unlock();
      return;
    }
    // Memory operands (not lea, which touches no memory).
    int M = memOperand(I);
    if (M >= 0 && (D.mayLoad() || D.mayStore()) && !fixMemory(I, M, STI))
      return;
    // Writes to %rsp other than push/pop/call are re-based (S3).
    bool SpDef = false;
    for (unsigned K = 0; K < D.getNumDefs() && K < I.getNumOperands(); ++K)
      if (I.getOperand(K).isReg() && isSp(I.getOperand(K).getReg()))
        SpDef = true;
    bool SpImplicit = false;
    for (MCPhysReg R : D.implicit_defs())
      if (isSp(R))
        SpImplicit = true;
    if (SpImplicit && !SpDef && !Name.starts_with("PUSH") &&
        !Name.starts_with("POP") && !Name.starts_with("CALL")) {
      refuse(I, STI, "an implicit write to %rsp (docs/sfi.md S2)");
      return;
    }
    bool Call = Opc == CALL64pcrel32 || Name.starts_with("CALL");
    if (SpDef && !(Off & OffRsp)) {
      lock(false);
      emit(I, STI);
      rebaseSp(ESP, STI);
      unlock();
    } else if (Call && !SpDef) { // B4: calls end their bundle
      lock(true);
      emit(I, STI);
      unlock();
    } else {
      emit(I, STI);
    }
  }
};

struct Options {
  std::string In = "-", Out = "a.out";
  std::vector<std::string> Includes;
  bool Sfi = true;
  unsigned Off = 0; // --orc-insecure-bench-off (BenchOff bits)
  unsigned Dwarf = 0;
};

[[noreturn]] void usage(const char *Msg) {
  errs() << "orc-as: " << Msg
         << "\nusage: orc-as [--no-sfi] [-o OUT] [-I DIR]... [--gdwarf-N] "
            "[--64] [--orc-insecure-bench-off=FAMILY,...] [IN | -]\n";
  exit(2);
}

Options parseArgs(int Argc, char **Argv) {
  Options O;
  bool HaveIn = false;
  for (int K = 1; K < Argc; ++K) {
    StringRef A = Argv[K];
    if (A == "-o" || A == "-I") {
      if (K + 1 == Argc)
        usage(("missing argument after " + A).str().c_str());
      (A == "-o" ? O.Out : O.Includes.emplace_back()) = Argv[++K];
    } else if (A.starts_with("-I") && A.size() > 2) {
      O.Includes.push_back(A.substr(2).str());
    } else if (A == "--no-sfi") {
      O.Sfi = false;
    } else if (A.consume_front("--orc-insecure-bench-off=")) {
      SmallVector<StringRef, 8> Parts;
      A.split(Parts, ',', -1, false);
      for (StringRef P : Parts) {
        unsigned Bit = 0;
        for (auto &F : BenchFamilies)
          if (P == F.Name || P == "all")
            Bit |= F.Bit;
        if (!Bit)
          usage(("unknown --orc-insecure-bench-off family " + P +
                 " (bundles, calls, mem, mask, ret, rsp, string, all)")
                    .str()
                    .c_str());
        O.Off |= Bit;
      }
    } else if (A.consume_front("--gdwarf-") || A.consume_front("-gdwarf-")) {
      if (A.getAsInteger(10, O.Dwarf) || O.Dwarf < 2 || O.Dwarf > 5)
        usage("--gdwarf-N takes N from 2 to 5");
    } else if (A == "--64" || A == "--noexecstack" || A == "-g" ||
               A == "--gdwarf" || A.starts_with("-mrelax-relocations=") ||
               A.starts_with("--compress-debug-sections") || A == "-Qy" ||
               A == "-Qn") {
      // What GNU as means by these is MC's default or has no effect here.
    } else if (A == "-" || !A.starts_with("-")) {
      if (HaveIn)
        usage("more than one input");
      O.In = A.str();
      HaveIn = true;
    } else {
      usage(("unknown option " + A).str().c_str());
    }
  }
  return O;
}

} // namespace

int main(int Argc, char **Argv) {
  Options O = parseArgs(Argc, Argv);
  LLVMInitializeX86TargetInfo();
  LLVMInitializeX86TargetMC();
  LLVMInitializeX86AsmParser();
  LLVMInitializeX86AsmPrinter(); // the instruction printer for messages

  std::string Err;
  Triple TheTriple(TripleName);
  const Target *TheTarget = TargetRegistry::lookupTarget(TripleName, Err);
  if (!TheTarget) {
    errs() << "orc-as: " << Err << "\n";
    return 1;
  }
  auto Buf = MemoryBuffer::getFileOrSTDIN(O.In);
  if (!Buf) {
    errs() << "orc-as: " << O.In << ": " << Buf.getError().message() << "\n";
    return 1;
  }
  MCTargetOptions MCOptions;
  std::unique_ptr<MCRegisterInfo> MRI(TheTarget->createMCRegInfo(TripleName));
  std::unique_ptr<MCAsmInfo> MAI(
      TheTarget->createMCAsmInfo(*MRI, TripleName, MCOptions));
  std::unique_ptr<MCInstrInfo> MII(TheTarget->createMCInstrInfo());
  std::unique_ptr<MCSubtargetInfo> STI(
      TheTarget->createMCSubtargetInfo(TripleName, "x86-64", ""));
  std::unique_ptr<MCInstPrinter> Printer(TheTarget->createMCInstPrinter(
      TheTriple, 0 /* AT&T */, *MAI, *MII, *MRI));
  Names N(*MII, *MRI);
  Targets T;
  unsigned Errors = 0;

  // Two parses of the same text: the first finds the labels that must
  // start bundles, the second emits. Each with a context of its own.
  for (int Pass = O.Sfi ? 0 : 1; Pass < 2; ++Pass) {
    SourceMgr SrcMgr;
    SrcMgr.AddNewSourceBuffer(
        MemoryBuffer::getMemBufferCopy((*Buf)->getBuffer(), O.In), SMLoc());
    SrcMgr.setIncludeDirs(O.Includes);
    MCContext Ctx(TheTriple, MAI.get(), MRI.get(), STI.get(), &SrcMgr,
                  &MCOptions);
    std::unique_ptr<MCObjectFileInfo> MOFI(
        TheTarget->createMCObjectFileInfo(Ctx, /*PIC=*/true));
    Ctx.setObjectFileInfo(MOFI.get());
    if (O.Dwarf)
      Ctx.setDwarfVersion(O.Dwarf);

    std::error_code EC;
    std::unique_ptr<ToolOutputFile> Out;
    std::unique_ptr<raw_null_ostream> Null;
    raw_pwrite_stream *OS;
    if (Pass == 1) {
      Out = std::make_unique<ToolOutputFile>(O.Out, EC, sys::fs::OF_None);
      if (EC) {
        errs() << "orc-as: " << O.Out << ": " << EC.message() << "\n";
        return 1;
      }
      OS = &Out->os();
    } else {
      Null = std::make_unique<raw_null_ostream>();
      OS = Null.get();
    }
    std::unique_ptr<MCAsmBackend> MAB(
        TheTarget->createMCAsmBackend(*STI, *MRI, MCOptions));
    std::unique_ptr<MCCodeEmitter> CE(TheTarget->createMCCodeEmitter(*MII, Ctx));
    std::unique_ptr<MCObjectWriter> OW = MAB->createObjectWriter(*OS);
    std::unique_ptr<MCStreamer> Str;
    SfiStreamer *Sfi = nullptr;
    if (Pass == 0) {
      Str = std::make_unique<CollectStreamer>(Ctx, std::move(MAB), std::move(OW),
                                              std::move(CE), T, *MII);
    } else {
      auto S = std::make_unique<SfiStreamer>(
          Ctx, std::move(MAB), std::move(OW), std::move(CE), *MII, *MRI, N, T,
          *Printer, *STI, SrcMgr, O.Sfi, O.Off, Errors);
      Sfi = S.get();
      Str = std::move(S);
    }
    Str->initSections(false, *STI);
    if (O.Sfi && !(O.Off & OffBundles))
      Str->emitBundleAlignMode(Align(1u << BundleLog2));
    std::unique_ptr<MCAsmParser> Parser(createMCAsmParser(SrcMgr, Ctx, *Str, *MAI));
    std::unique_ptr<MCTargetAsmParser> TAP(
        TheTarget->createMCAsmParser(*STI, *Parser, *MII, MCOptions));
    if (!TAP) {
      errs() << "orc-as: no assembly parser for " << TripleName << "\n";
      return 1;
    }
    Parser->setTargetParser(*TAP);
    if (Parser->Run(/*NoInitialTextSection=*/false, /*NoFinalize=*/true) ||
        Errors) {
      if (Errors)
        errs() << O.In << ": orc-as: " << Errors
               << " instruction(s) cannot be made safe; no object written\n";
      return 1;
    }
    if (Sfi && O.Sfi)
      Sfi->padSections();
    Str->finish();
    if (Ctx.hadError())
      return 1;
    if (Pass == 1)
      Out->keep();
  }
  return 0;
}

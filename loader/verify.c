/* The verifier: decodes every byte of a cVM object's text with Zydis and
 * checks the SFI contract of docs/sfi.md. Rule names (B1, M3, C1, S3, ...)
 * are that page's; each check says which it enforces.
 *
 * One linear pass over the bundles decodes and checks each instruction
 * and records, per byte, where instructions start and which of them lie
 * inside a locked sequence (a masked branch, a %rsp re-basing); a second
 * pass checks that every direct branch lands on an instruction start that
 * is not inside a locked sequence (B3). */
#include "orc_verify.h"
#include "orc_abi.h" /* ORC_CTABLE_OFFSET, ORC_SLOT_WINDOW */

#include <Zydis/Zydis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUNDLE 32
#define DISP_BOUND 32768 /* M3, M4 */
#define ACCESS_MAX 64    /* M3, M4, M5: largest memory access allowed */
#define GATE_SLOT ORC_CTABLE_OFFSET /* C4 */
#define WINDOW_SLOT (ORC_CTABLE_OFFSET + 8 * ORC_SLOT_WINDOW) /* S3 */

struct verifier {
  const uint8_t *text;
  size_t len;
  uint64_t vaddr;
  ZydisDecoder dec;
  uint8_t *start;    /* bit per byte: an instruction starts here */
  uint8_t *interior; /* bit per byte: ...inside a locked sequence */
  struct orc_verify_error *err;
};

static void setbit(uint8_t *m, size_t i) { m[i / 8] |= (uint8_t)(1u << (i % 8)); }
static int getbit(const uint8_t *m, size_t i) { return m[i / 8] >> (i % 8) & 1; }

static int fail(struct verifier *v, size_t off, const ZydisDecodedInstruction *in,
                const ZydisDecodedOperand *ops, const char *rule) {
  struct orc_verify_error *e = v->err;
  e->offset = off;
  e->insn[0] = 0;
  if (in) {
    ZydisFormatter f;
    if (ZYAN_SUCCESS(ZydisFormatterInit(&f, ZYDIS_FORMATTER_STYLE_ATT)) &&
        ZYAN_SUCCESS(ZydisFormatterFormatInstruction(
            &f, in, ops, in->operand_count_visible, e->insn, sizeof e->insn,
            v->vaddr + off, NULL)))
      ;
    else
      e->insn[0] = 0;
  }
  if (!e->insn[0]) { /* undecodable: show the bytes */
    size_t n = v->len - off < 8 ? v->len - off : 8, k = 0;
    for (size_t i = 0; i < n && k + 4 < sizeof e->insn; i++)
      k += (size_t)snprintf(e->insn + k, sizeof e->insn - k, "%s%02x",
                            i ? " " : "", v->text[off + i]);
  }
  snprintf(e->rule, sizeof e->rule, "%s", rule);
  return -1;
}

static int is_sp(ZydisRegister r) {
  return r == ZYDIS_REGISTER_RSP || r == ZYDIS_REGISTER_ESP ||
         r == ZYDIS_REGISTER_SP || r == ZYDIS_REGISTER_SPL;
}

static int is_gpr32(ZydisRegister r) {
  return ZydisRegisterGetClass(r) == ZYDIS_REGCLASS_GPR32;
}

/* The allow-list (docs/sfi.md section 6): instruction categories whose
 * members are all acceptable once their operands pass sections 3 to 5,
 * and single mnemonics from other categories. Everything else is refused,
 * so an instruction nobody thought about is refused by default. */
static int category_allowed(ZydisInstructionCategory c) {
  switch (c) {
  case ZYDIS_CATEGORY_ADOX_ADCX: case ZYDIS_CATEGORY_AES:
  case ZYDIS_CATEGORY_AVX: case ZYDIS_CATEGORY_AVX2:
  case ZYDIS_CATEGORY_AVX2GATHER: case ZYDIS_CATEGORY_AVX512:
  case ZYDIS_CATEGORY_AVX512_4FMAPS: case ZYDIS_CATEGORY_AVX512_4VNNIW:
  case ZYDIS_CATEGORY_AVX512_BITALG: case ZYDIS_CATEGORY_AVX512_VBMI:
  case ZYDIS_CATEGORY_AVX512_VP2INTERSECT: case ZYDIS_CATEGORY_BINARY:
  case ZYDIS_CATEGORY_BITBYTE: case ZYDIS_CATEGORY_BLEND:
  case ZYDIS_CATEGORY_BMI1: case ZYDIS_CATEGORY_BMI2:
  case ZYDIS_CATEGORY_BROADCAST: case ZYDIS_CATEGORY_CALL:
  case ZYDIS_CATEGORY_CMOV: case ZYDIS_CATEGORY_COMPRESS:
  case ZYDIS_CATEGORY_COND_BR: case ZYDIS_CATEGORY_CONFLICT:
  case ZYDIS_CATEGORY_CONVERT: case ZYDIS_CATEGORY_DATAXFER:
  case ZYDIS_CATEGORY_EXPAND: case ZYDIS_CATEGORY_FCMOV:
  case ZYDIS_CATEGORY_FLAGOP: case ZYDIS_CATEGORY_FP16:
  case ZYDIS_CATEGORY_GATHER: case ZYDIS_CATEGORY_GFNI:
  case ZYDIS_CATEGORY_IFMA: case ZYDIS_CATEGORY_KMASK:
  case ZYDIS_CATEGORY_LOGICAL: case ZYDIS_CATEGORY_LOGICAL_FP:
  case ZYDIS_CATEGORY_LZCNT: case ZYDIS_CATEGORY_MMX:
  case ZYDIS_CATEGORY_NOP: case ZYDIS_CATEGORY_PCLMULQDQ:
  case ZYDIS_CATEGORY_POP: case ZYDIS_CATEGORY_PUSH:
  case ZYDIS_CATEGORY_ROTATE: case ZYDIS_CATEGORY_SCATTER:
  case ZYDIS_CATEGORY_SEMAPHORE: case ZYDIS_CATEGORY_SETCC:
  case ZYDIS_CATEGORY_SHA: case ZYDIS_CATEGORY_SHIFT:
  case ZYDIS_CATEGORY_SSE: case ZYDIS_CATEGORY_STTNI:
  case ZYDIS_CATEGORY_UNCOND_BR: case ZYDIS_CATEGORY_VAES:
  case ZYDIS_CATEGORY_VBMI2: case ZYDIS_CATEGORY_VFMA:
  case ZYDIS_CATEGORY_VPCLMULQDQ: case ZYDIS_CATEGORY_WIDENOP:
  case ZYDIS_CATEGORY_X87_ALU:
    return 1;
  default:
    return 0;
  }
}

static int mnemonic_allowed(ZydisMnemonic m) {
  switch (m) {
  case ZYDIS_MNEMONIC_LEA: case ZYDIS_MNEMONIC_PAUSE:
  case ZYDIS_MNEMONIC_LFENCE: case ZYDIS_MNEMONIC_MFENCE:
  case ZYDIS_MNEMONIC_SFENCE: case ZYDIS_MNEMONIC_UD0:
  case ZYDIS_MNEMONIC_UD1: case ZYDIS_MNEMONIC_UD2:
  case ZYDIS_MNEMONIC_INT3: case ZYDIS_MNEMONIC_CPUID:
  case ZYDIS_MNEMONIC_RDTSC: case ZYDIS_MNEMONIC_RDTSCP:
  case ZYDIS_MNEMONIC_ENDBR64: case ZYDIS_MNEMONIC_PREFETCHT0:
  case ZYDIS_MNEMONIC_PREFETCHT1: case ZYDIS_MNEMONIC_PREFETCHT2:
  case ZYDIS_MNEMONIC_PREFETCHNTA: case ZYDIS_MNEMONIC_PREFETCHW:
  case ZYDIS_MNEMONIC_RDRAND: case ZYDIS_MNEMONIC_RDSEED:
    return 1;
  default:
    return 0;
  }
}

/* Refused although their category is allowed, with the reason. */
static const char *mnemonic_refused(ZydisMnemonic m) {
  switch (m) {
  case ZYDIS_MNEMONIC_PUSHF: case ZYDIS_MNEMONIC_PUSHFD:
  case ZYDIS_MNEMONIC_PUSHFQ:
    return "section 6: pushf is not allowed in cVM code";
  case ZYDIS_MNEMONIC_POPF: case ZYDIS_MNEMONIC_POPFD: case ZYDIS_MNEMONIC_POPFQ:
    return "section 6: popf can set the trap flag";
  case ZYDIS_MNEMONIC_ENTER: case ZYDIS_MNEMONIC_LEAVE:
    return "S3: enter/leave move %rsp without the re-basing";
  case ZYDIS_MNEMONIC_XLAT:
    return "section 3: xlat's implicit memory operand";
  case ZYDIS_MNEMONIC_MASKMOVQ: case ZYDIS_MNEMONIC_MASKMOVDQU:
  case ZYDIS_MNEMONIC_VMASKMOVDQU:
    return "section 3: an implicit memory operand";
  default:
    return NULL;
  }
}

/* One memory operand against M1-M5. NULL if it passes, else the rule. */
static const char *check_mem(const ZydisDecodedInstruction *in,
                             const ZydisDecodedOperand *op) {
  const ZydisDecodedOperandMem *m = &op->mem;
  if (m->type == ZYDIS_MEMOP_TYPE_AGEN)
    return NULL; /* lea: computes an address, touches nothing */
  int vsib = m->type == ZYDIS_MEMOP_TYPE_VSIB;
  if (op->size / 8 > ACCESS_MAX)
    return "M5: a memory access larger than 64 bytes";
  if (op->visibility != ZYDIS_OPERAND_VISIBILITY_EXPLICIT) {
    /* The stack of push, pop and call (section 3, implicit accesses). */
    if (m->base == ZYDIS_REGISTER_RSP && !vsib &&
        (in->meta.category == ZYDIS_CATEGORY_PUSH ||
         in->meta.category == ZYDIS_CATEGORY_POP ||
         in->meta.category == ZYDIS_CATEGORY_CALL))
      return NULL;
    return "section 3: an implicit memory operand other than the stack of push, pop or call";
  }
  if (in->attributes & (ZYDIS_ATTRIB_HAS_SEGMENT_CS | ZYDIS_ATTRIB_HAS_SEGMENT_DS |
                        ZYDIS_ATTRIB_HAS_SEGMENT_ES | ZYDIS_ATTRIB_HAS_SEGMENT_SS))
    return "section 3: a %cs/%ds/%es/%ss segment prefix";
  if (m->segment == ZYDIS_REGISTER_GS) { /* M1 (and M5 for VSIB) */
    if (in->address_width != 32)
      return "M1: %gs: without 32-bit address size";
    return NULL;
  }
  if (vsib)
    return "M5: a gather or scatter not in %gs: form";
  if (m->base == ZYDIS_REGISTER_RIP) /* M2 */
    return in->address_width == 64 && m->index == ZYDIS_REGISTER_NONE
               ? NULL
               : "M2: RIP-relative with 32-bit address size";
  int64_t d = m->disp.value, size = op->size / 8;
  int in_bound = d >= -DISP_BOUND && d + size <= DISP_BOUND;
  if (m->segment == ZYDIS_REGISTER_FS) { /* M4 */
    if (m->base != ZYDIS_REGISTER_NONE || m->index != ZYDIS_REGISTER_NONE ||
        in->address_width != 64)
      return "M4: %fs: with a base or index register";
    return in_bound ? NULL : "M4: %fs: displacement past the 32 KiB bound";
  }
  if (m->base == ZYDIS_REGISTER_RSP && m->index == ZYDIS_REGISTER_NONE &&
      in->address_width == 64) /* M3 */
    return in_bound ? NULL : "M3: %rsp displacement past the 32 KiB bound";
  return "M1: a memory operand not in %gs: form";
}

/* Does `in` write %rsp other than as push, pop or call do? */
static int writes_sp(const ZydisDecodedInstruction *in, const ZydisDecodedOperand *ops) {
  int stack_op = in->meta.category == ZYDIS_CATEGORY_PUSH ||
                 in->meta.category == ZYDIS_CATEGORY_POP ||
                 in->meta.category == ZYDIS_CATEGORY_CALL;
  for (int i = 0; i < in->operand_count; i++) {
    const ZydisDecodedOperand *o = &ops[i];
    if (o->type != ZYDIS_OPERAND_TYPE_REGISTER || !is_sp(o->reg.value) ||
        !(o->actions & ZYDIS_OPERAND_ACTION_MASK_WRITE))
      continue;
    if (stack_op && o->visibility == ZYDIS_OPERAND_VISIBILITY_HIDDEN)
      continue;
    return 1;
  }
  return 0;
}

/* addq %gs:0x10008, %rsp with 32-bit addressing: the re-basing's second half. */
static int is_rebase_add(const ZydisDecodedInstruction *in, const ZydisDecodedOperand *ops) {
  return in->mnemonic == ZYDIS_MNEMONIC_ADD && in->operand_count_visible == 2 &&
         ops[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
         ops[0].reg.value == ZYDIS_REGISTER_RSP &&
         ops[1].type == ZYDIS_OPERAND_TYPE_MEMORY &&
         ops[1].mem.segment == ZYDIS_REGISTER_GS && in->address_width == 32 &&
         ops[1].mem.base == ZYDIS_REGISTER_NONE &&
         ops[1].mem.index == ZYDIS_REGISTER_NONE && ops[1].mem.disp.value == WINDOW_SLOT;
}

/* movl %e?, %esp: %rsp becomes a 32-bit offset (zero-extended). */
static int is_sp_zext(const ZydisDecodedInstruction *in, const ZydisDecodedOperand *ops) {
  return in->mnemonic == ZYDIS_MNEMONIC_MOV && in->operand_count_visible == 2 &&
         ops[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
         ops[0].reg.value == ZYDIS_REGISTER_ESP &&
         ops[1].type == ZYDIS_OPERAND_TYPE_REGISTER && is_gpr32(ops[1].reg.value);
}

/* andl $-32, %r32: the mask of C1. */
static int is_mask(const ZydisDecodedInstruction *in, const ZydisDecodedOperand *ops,
                   ZydisRegister r64) {
  return in->mnemonic == ZYDIS_MNEMONIC_AND && in->operand_count_visible == 2 &&
         ops[0].type == ZYDIS_OPERAND_TYPE_REGISTER && is_gpr32(ops[0].reg.value) &&
         ZydisRegisterGetLargestEnclosing(ZYDIS_MACHINE_MODE_LONG_64,
                                          ops[0].reg.value) == r64 &&
         ops[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE &&
         (uint32_t)ops[1].imm.value.u == 0xffffffe0u;
}

/* call *%gs:0x10000 with 32-bit addressing: the hostcall (C4). */
static int is_hostcall(const ZydisDecodedInstruction *in, const ZydisDecodedOperand *ops) {
  return in->mnemonic == ZYDIS_MNEMONIC_CALL &&
         ops[0].type == ZYDIS_OPERAND_TYPE_MEMORY &&
         ops[0].mem.segment == ZYDIS_REGISTER_GS && in->address_width == 32 &&
         ops[0].mem.base == ZYDIS_REGISTER_NONE &&
         ops[0].mem.index == ZYDIS_REGISTER_NONE && ops[0].mem.disp.value == GATE_SLOT;
}

enum sp_state { SP_CLEAN, SP_DIRTY, SP_ZEXT };

struct branch {
  size_t from; /* offset of the branch */
  size_t disp; /* offset of its displacement */
  uint64_t to; /* its target address */
};

static int check_bundle(struct verifier *v, size_t b, struct branch *targets,
                        size_t *ntargets) {
  enum sp_state sp = SP_CLEAN;
  /* This instruction and the one before it, in alternating slots (C1
   * looks back one instruction; copying a decoded instruction with its
   * operands costs more than decoding it). */
  ZydisDecodedInstruction insn[2];
  ZydisDecodedOperand opnd[2][ZYDIS_MAX_OPERAND_COUNT];
  int cur = 0, have_prev = 0;
  for (size_t off = b; off < b + BUNDLE; cur ^= 1) {
    ZydisDecodedInstruction *in = &insn[cur];
    const ZydisDecodedInstruction *prev = &insn[cur ^ 1];
    ZydisDecodedOperand *ops = opnd[cur];
    const ZydisDecodedOperand *prev_ops = opnd[cur ^ 1];
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&v->dec, v->text + off, b + BUNDLE - off,
                                             in, ops)))
      return fail(v, off, NULL, NULL,
                  "B2: not an instruction, or one that crosses the bundle edge");
    setbit(v->start, off);
    size_t end = off + in->length;
    const char *why;
    /* Section 6: the allow-list. */
    if (in->meta.category == ZYDIS_CATEGORY_RET && in->meta.branch_type != ZYDIS_BRANCH_TYPE_FAR)
      return fail(v, off, in, ops, "C3: ret (returns are pop, mask, jump)");
    if ((why = mnemonic_refused(in->mnemonic)))
      return fail(v, off, in, ops, why);
    if (!category_allowed(in->meta.category) && !mnemonic_allowed(in->mnemonic))
      return fail(v, off, in, ops, "section 6: not an allowed instruction");
    for (int i = 0; i < in->operand_count; i++)
      if (ops[i].type == ZYDIS_OPERAND_TYPE_REGISTER &&
          ZydisRegisterGetClass(ops[i].reg.value) == ZYDIS_REGCLASS_SEGMENT &&
          (ops[i].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE))
        return fail(v, off, in, ops, "section 6: writes a segment register");
    if (in->meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)
      return fail(v, off, in, ops, "section 6: a far transfer");
    /* Section 3, for every operand (nops touch no memory). */
    if (in->meta.category != ZYDIS_CATEGORY_NOP &&
        in->meta.category != ZYDIS_CATEGORY_WIDENOP)
      for (int i = 0; i < in->operand_count; i++)
        if (ops[i].type == ZYDIS_OPERAND_TYPE_MEMORY &&
            !(in->meta.category == ZYDIS_CATEGORY_CALL && is_hostcall(in, ops)) &&
            (why = check_mem(in, &ops[i])))
          return fail(v, off, in, ops, why);
    /* Section 5: the %rsp state within the bundle. */
    if (sp != SP_CLEAN)
      setbit(v->interior, off);
    if (writes_sp(in, ops)) {
      if (sp == SP_ZEXT && is_rebase_add(in, ops))
        sp = SP_CLEAN;
      else if (is_sp_zext(in, ops))
        sp = SP_ZEXT;
      else if (sp == SP_CLEAN)
        sp = SP_DIRTY;
      else
        return fail(v, off, in, ops,
                    "S3: %rsp written again before it was re-based");
    } else if (sp != SP_CLEAN) {
      return fail(v, off, in, ops,
                  "S3: a write to %rsp not followed by movl %e?, %esp; addq %gs:0x10008, %rsp");
    }
    /* Section 4: control flow. */
    int is_call = in->meta.category == ZYDIS_CATEGORY_CALL;
    if (is_call || in->meta.category == ZYDIS_CATEGORY_UNCOND_BR ||
        in->meta.category == ZYDIS_CATEGORY_COND_BR) {
      const ZydisDecodedOperand *t = &ops[0];
      if (t->type == ZYDIS_OPERAND_TYPE_IMMEDIATE && t->imm.is_relative) {
        uint64_t dest;
        if (!ZYAN_SUCCESS(ZydisCalcAbsoluteAddress(in, t, v->vaddr + off, &dest)))
          return fail(v, off, in, ops, "B3: a branch target that cannot be computed");
        targets[(*ntargets)++] = (struct branch){off, off + in->raw.imm[0].offset, dest};
      } else if (t->type == ZYDIS_OPERAND_TYPE_REGISTER) {
        if (!have_prev || !is_mask(prev, prev_ops, t->reg.value) ||
            ZydisRegisterGetClass(t->reg.value) != ZYDIS_REGCLASS_GPR64)
          return fail(v, off, in, ops,
                      "C1: an indirect branch not preceded in its bundle by andl $-32 of its register");
        setbit(v->interior, off);
      } else if (!(is_call && is_hostcall(in, ops))) {
        return fail(v, off, in, ops,
                    "C2: an indirect branch through memory (load it into a register and mask it)");
      }
      if (is_call && end != b + BUNDLE)
        return fail(v, off, in, ops, "B4: a call that does not end its bundle");
    }
    have_prev = 1;
    off = end;
  }
  if (sp != SP_CLEAN)
    return fail(v, b + BUNDLE - 1, NULL, NULL,
                "S3: a bundle ends with %rsp not re-based");
  return 0;
}

static int relocated(const uint64_t *relocs, size_t n, uint64_t off) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (relocs[mid] == off)
      return 1;
    if (relocs[mid] < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

int orc_verify_text(const uint8_t *text, size_t len, uint64_t vaddr,
                    const uint64_t *relocs, size_t nrelocs,
                    struct orc_verify_error *err) {
  struct verifier v = {text, len, vaddr, {0}, NULL, NULL, err};
  memset(err, 0, sizeof *err);
  if (vaddr % BUNDLE || len % BUNDLE)
    return fail(&v, len - len % BUNDLE, NULL, NULL,
                "B1: text does not start and end on a 32-byte bundle edge");
  if (!ZYAN_SUCCESS(ZydisDecoderInit(&v.dec, ZYDIS_MACHINE_MODE_LONG_64,
                                     ZYDIS_STACK_WIDTH_64))) {
    snprintf(err->rule, sizeof err->rule, "the decoder cannot be set up");
    return -1;
  }
  v.start = calloc(len / 8 + 1, 1);
  v.interior = calloc(len / 8 + 1, 1);
  /* At most one direct branch per 2 bytes. */
  struct branch *targets = malloc((len / 2 + 1) * sizeof *targets);
  size_t ntargets = 0;
  int r = 0;
  if (!v.start || !v.interior || !targets) {
    snprintf(err->rule, sizeof err->rule, "out of memory");
    r = -1;
  }
  for (size_t b = 0; !r && b < len; b += BUNDLE)
    r = check_bundle(&v, b, targets, &ntargets);
  for (size_t i = 0; !r && i < ntargets; i++) { /* B3 */
    uint64_t t = targets[i].to;
    int outside = t < vaddr || t - vaddr >= len;
    if (relocated(relocs, nrelocs, targets[i].disp))
      continue;
    const char *why = outside ? "B3: a direct branch outside the text"
                      : !getbit(v.start, t - vaddr)
                          ? "B3: a direct branch to a byte that is not an instruction start"
                      : getbit(v.interior, t - vaddr)
                          ? "B3: a direct branch into a locked sequence"
                          : NULL;
    if (why) {
      ZydisDecodedInstruction in;
      ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
      size_t f = targets[i].from;
      ZydisDecoderDecodeFull(&v.dec, text + f, len - f, &in, ops);
      r = fail(&v, f, &in, ops, why);
    }
  }
  free(v.start);
  free(v.interior);
  free(targets);
  return r;
}

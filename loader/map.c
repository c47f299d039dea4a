/* Mapping one object into the store, once per key.
 *
 * Reserve the whole span PROT_NONE, then make each segment's pages
 * writable, copy its bytes and apply every relocation: those that land
 * outside the state template are written into the shared copy now; those
 * inside it become the object's state-relocation list, applied per
 * instance. No shared word may hold a state address (it would let one cVM
 * reach another's data): such a relocation rejects the object. Then every
 * page becomes read-only (text read-execute) and the template's pages
 * PROT_NONE, so an access that escaped the pass faults. */
#include "internal.h"
#include "orc_verify.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int orc_in_template(const struct orc_object *o, uint64_t addr) {
  return o->elf.tmpl_size && addr >= o->elf.tmpl_vaddr &&
         addr - o->elf.tmpl_vaddr < o->elf.tmpl_size;
}

static enum orc_status copy_segments(struct orc_object *o, const uint8_t *bytes,
                                     struct orc_error *err) {
  const struct orc_elf *e = &o->elf;
  for (size_t i = 0; i < e->nsegs; i++) {
    const struct orc_segment *s = &e->segs[i];
    uint64_t lo = orc_page_down(s->vaddr), hi = orc_page_up(s->vaddr + s->memsz);
    if (mprotect(o->base + lo, hi - lo, PROT_READ | PROT_WRITE))
      return orc_fail(err, ORC_ERR_MAP, "%s: mprotect of segment %zu failed",
                      e->name, i);
    memcpy(o->base + s->vaddr, bytes + s->offset, s->filesz);
  }
  return ORC_OK;
}

static const char *sym_name(const struct orc_object *o, uint32_t k) {
  return k ? o->elf.syms[k].name : "(none)";
}

/* The value relocation r computes, and the object its target lies in. */
static uint64_t reloc_value(const struct orc_object *o, const struct orc_reloc *r,
                            struct orc_object *const *prov, const uint64_t *value,
                            const uint64_t *tlsoff,
                            const struct orc_object **target) {
  /* Symbol 0 stands for the object itself only for the TLS relocations;
   * elsewhere it is the value 0. */
  const struct orc_object *p = r->sym ? prov[r->sym] : NULL;
  uint64_t S = p ? (uint64_t)(uintptr_t)p->base + value[r->sym]
                 : (r->sym ? value[r->sym] : 0);
  *target = NULL;
  switch (r->type) {
  case R_X86_64_RELATIVE:
    *target = o;
    return (uint64_t)(uintptr_t)o->base + (uint64_t)r->addend;
  case R_X86_64_64:
    *target = p;
    return S + (uint64_t)r->addend;
  case R_X86_64_GLOB_DAT:
  case R_X86_64_JUMP_SLOT:
    *target = p;
    return S;
  case R_X86_64_DTPMOD64:
    return prov[r->sym] ? prov[r->sym]->slot : 0;
  case R_X86_64_DTPOFF64:
    return value[r->sym] + (uint64_t)r->addend;
  case R_X86_64_TPOFF64:
    return value[r->sym] + (uint64_t)r->addend - tlsoff[r->sym];
  default:
    return 0;
  }
}

static enum orc_status relocate(struct orc_object *o,
                                struct orc_object *const *prov,
                                const uint64_t *value, const uint64_t *tlsoff,
                                struct orc_error *err) {
  const struct orc_elf *e = &o->elf;
  o->srel = calloc(e->nrelocs + 1, sizeof *o->srel);
  if (!o->srel)
    return orc_fail(err, ORC_ERR_NOMEM, "%s: out of memory", e->name);
  for (size_t i = 0; i < e->nrelocs; i++) {
    const struct orc_reloc *r = &e->relocs[i];
    if (r->type == R_X86_64_NONE)
      continue;
    const struct orc_object *t;
    uint64_t v = reloc_value(o, r, prov, value, tlsoff, &t);
    uint64_t toff = t ? v - (uint64_t)(uintptr_t)t->base : 0;
    int to_state = t && orc_in_template(t, toff);
    if (orc_in_template(o, r->offset)) {
      struct orc_state_reloc *sr = &o->srel[o->nsrel++];
      sr->offset = r->offset - e->tmpl_vaddr;
      sr->value = v;
      sr->slot = to_state ? t->slot : 0;
      continue;
    }
    if (to_state)
      return orc_fail(err, ORC_ERR_STATE_LEAK,
                      "%s: relocation[%zu] (%s at 0x%lx, symbol '%s') would "
                      "put the address of state in %s into shared memory",
                      e->name, i, orc_reloc_name(r->type),
                      (unsigned long)r->offset, sym_name(o, r->sym),
                      t->elf.name);
    memcpy(o->base + r->offset, &v, 8);
    o->nrel_shared++;
  }
  return ORC_OK;
}

/* Keep the template's initial bytes privately: the shared copy of the
 * template is PROT_NONE. Trailing zeros are not kept. */
static enum orc_status keep_image(struct orc_object *o, struct orc_error *err) {
  const struct orc_elf *e = &o->elf;
  const uint8_t *t = (const uint8_t *)o->base + e->tmpl_vaddr;
  size_t n = e->tmpl_size;
  while (n && !t[n - 1])
    n--;
  o->image = malloc(n ? n : 1);
  if (!o->image)
    return orc_fail(err, ORC_ERR_NOMEM, "%s: out of memory", e->name);
  memcpy(o->image, t, n);
  o->image_size = n;
  return ORC_OK;
}

/* The verifier's verdict on every executable segment, decoded in the
 * shared mapping before it is executable (and while nothing else can run
 * it: the object is not in the store's list yet). Recorded with the
 * object, so with its key: an object is verified once, however many cVMs
 * load it. */
static void verify(struct orc_object *o) {
  const struct orc_elf *e = &o->elf;
  o->verified = 1;
  o->verify_msg[0] = 0;
  for (size_t i = 0; i < e->nsegs && o->verified; i++) {
    const struct orc_segment *s = &e->segs[i];
    struct orc_verify_error ve = {0, "-", "B1: the segment does not start on a 32-byte bundle edge"};
    if (!(s->flags & PF_X))
      continue;
    if (s->vaddr % 32 == 0 &&
        !orc_verify_text((const uint8_t *)o->base + s->vaddr, s->memsz,
                         s->vaddr, NULL, 0, &ve))
      continue;
    o->verified = 0;
    snprintf(o->verify_msg, sizeof o->verify_msg,
             "offset 0x%llx (segment %zu): %s: %s",
             (unsigned long long)(s->vaddr + ve.offset), i, ve.insn, ve.rule);
  }
}

static enum orc_status protect(struct orc_object *o, struct orc_error *err) {
  const struct orc_elf *e = &o->elf;
  verify(o);
  /* Refused before any byte of it is executable (docs/sfi.md section 7). */
  if (!o->verified && !o->store->allow_unverified)
    return orc_fail(err, ORC_ERR_UNVERIFIED,
                    "%s: refused: its machine code does not verify "
                    "(docs/sfi.md): %s", e->name, o->verify_msg);
  for (size_t i = 0; i < e->nsegs; i++) {
    const struct orc_segment *s = &e->segs[i];
    uint64_t lo = orc_page_down(s->vaddr), hi = orc_page_up(s->vaddr + s->memsz);
    int prot = PROT_READ | ((s->flags & PF_X) ? PROT_EXEC : 0);
    if (mprotect(o->base + lo, hi - lo, prot))
      return orc_fail(err, ORC_ERR_MAP, "%s: mprotect of segment %zu failed",
                      e->name, i);
  }
  size_t tlen = orc_page_up(e->tmpl_vaddr + e->tmpl_size) - e->tmpl_vaddr;
  if (e->tmpl_size && mprotect(o->base + e->tmpl_vaddr, tlen, PROT_NONE))
    return orc_fail(err, ORC_ERR_MAP, "%s: mprotect of the template failed",
                    e->name);
  if (e->tmpl_size) /* its bytes are in o->image now */
    orc_span_discard(o->store, o->base + e->tmpl_vaddr, tlen);
  return ORC_OK;
}

enum orc_status orc_object_map(struct orc_object *o,
                               struct orc_object *const *prov,
                               const uint64_t *value, const uint64_t *tlsoff,
                               const void *bytes, struct orc_error *err) {
  const struct orc_elf *e = &o->elf;
  void *m = orc_span_reserve(o->store, e->span);
  if (!m)
    return orc_fail(err, ORC_ERR_MAP, "%s: cannot reserve %lu bytes", e->name,
                    (unsigned long)e->span);
  o->base = m;
  enum orc_status st = copy_segments(o, bytes, err);
  if (!st)
    st = relocate(o, prov, value, tlsoff, err);
  if (!st && e->tmpl_size)
    st = keep_image(o, err);
  if (!st && e->slot_vaddr) {
    uint64_t slot = o->slot;
    memcpy(o->base + e->slot_vaddr, &slot, 8);
  }
  if (!st)
    st = protect(o, err);
  if (st)
    orc_object_unmap(o);
  return st;
}

void orc_object_unmap(struct orc_object *o) {
  if (o->base)
    orc_span_release(o->store, o->base, o->elf.span);
  o->base = NULL;
  free(o->srel);
  free(o->image);
  o->srel = NULL;
  o->image = NULL;
  o->nsrel = 0;
}

/* Introspection for `orc inspect` and the deploy summary. */
#include "internal.h"

#include <elf.h>
#include <string.h>

size_t orc_link_objects(const struct orc_link *l) { return l->n; }

static size_t shared_bytes(const struct orc_object *o) {
  size_t n = 0;
  for (size_t i = 0; i < o->elf.nsegs; i++)
    n += orc_page_up(o->elf.segs[i].vaddr + o->elf.segs[i].memsz) -
         orc_page_down(o->elf.segs[i].vaddr);
  if (o->elf.tmpl_size)
    n -= orc_page_up(o->elf.tmpl_vaddr + o->elf.tmpl_size) - o->elf.tmpl_vaddr;
  return n;
}

int orc_link_contains(const struct orc_link *l, const void *p, size_t len) {
  uintptr_t a = (uintptr_t)p;
  for (size_t i = 0; i < l->n; i++) {
    const struct orc_object *o = l->obj[i];
    uintptr_t base = (uintptr_t)o->base;
    if (a < base || a - base >= o->elf.span)
      continue;
    uint64_t off = a - base;
    if (o->elf.tmpl_size && off + len > o->elf.tmpl_vaddr &&
        off < orc_page_up(o->elf.tmpl_vaddr + o->elf.tmpl_size))
      return 0;
    for (size_t k = 0; k < o->elf.nsegs; k++) {
      const struct orc_segment *s = &o->elf.segs[k];
      if (off >= s->vaddr && len <= s->memsz && off - s->vaddr <= s->memsz - len)
        return 1;
    }
    return 0;
  }
  return 0;
}

int orc_link_shared_ranges(const struct orc_link *l,
                           int (*fn)(void *ctx, void *addr, size_t len),
                           void *ctx) {
  for (size_t i = 0; i < l->n; i++) {
    const struct orc_object *o = l->obj[i];
    uint64_t tlo = o->elf.tmpl_vaddr,
             thi = orc_page_up(o->elf.tmpl_vaddr + o->elf.tmpl_size);
    for (size_t k = 0; k < o->elf.nsegs; k++) {
      const struct orc_segment *s = &o->elf.segs[k];
      uint64_t lo = orc_page_down(s->vaddr), hi = orc_page_up(s->vaddr + s->memsz);
      uint64_t cut[2][2] = {{lo, hi}, {hi, hi}};
      if (o->elf.tmpl_size && tlo < hi && thi > lo) { /* around the template */
        cut[0][1] = tlo > lo ? tlo : lo;
        cut[1][0] = thi < hi ? thi : hi;
      }
      for (int c = 0; c < 2; c++)
        if (cut[c][1] > cut[c][0] &&
            fn(ctx, o->base + cut[c][0], cut[c][1] - cut[c][0]))
          return -1;
    }
  }
  return 0;
}

void orc_link_object_span(const struct orc_link *l, size_t i, void **base,
                          size_t *span, size_t *tmpl_lo, size_t *tmpl_hi) {
  const struct orc_object *o = l->obj[i];
  *base = o->base;
  *span = o->elf.span;
  *tmpl_lo = o->elf.tmpl_size ? o->elf.tmpl_vaddr : 0;
  *tmpl_hi = o->elf.tmpl_size ? orc_page_up(o->elf.tmpl_vaddr + o->elf.tmpl_size) : 0;
}

const char *orc_link_object_at(const struct orc_link *l, const void *addr,
                               uint64_t *offset) {
  uintptr_t a = (uintptr_t)addr;
  for (size_t i = 0; i < l->n; i++) {
    uintptr_t base = (uintptr_t)l->obj[i]->base;
    if (a >= base && a - base < l->obj[i]->elf.span) {
      *offset = a - base;
      return l->obj[i]->elf.name;
    }
  }
  return NULL;
}

size_t orc_link_init_fini(const struct orc_link *l, int fini, void **out,
                          size_t max) {
  size_t n = 0;
  for (size_t k = 0; k < l->n; k++) {
    const struct orc_object *o = l->init_order[fini ? l->n - 1 - k : k];
    uint64_t arr = fini ? o->elf.fini_array : o->elf.init_array;
    uint64_t cnt = fini ? o->elf.fini_count : o->elf.init_count;
    for (uint64_t j = 0; j < cnt; j++) {
      void *fn;
      memcpy(&fn, o->base + arr + 8 * (fini ? cnt - 1 - j : j), sizeof fn);
      if (!fn || fn == (void *)(uintptr_t)-1)
        continue;
      if (n < max)
        out[n] = fn;
      n++;
    }
  }
  return n;
}

void orc_link_object_info(const struct orc_link *l, size_t i,
                          struct orc_object_info *out) {
  const struct orc_object *o = l->obj[i];
  memset(out, 0, sizeof *out);
  out->name = o->elf.name;
  memcpy(out->key, o->key, ORC_KEY_BYTES);
  out->slot = o->slot;
  out->users = o->users;
  out->shared_bytes = shared_bytes(o);
  out->verified = o->verified;
  out->verify_msg = o->verify_msg;
  out->template_bytes = o->elf.tmpl_size;
  out->relocs_shared = o->nrel_shared;
  out->relocs_state = o->nsrel;
  out->imports = o->nimports;
  for (size_t k = 1; k < o->elf.nsyms; k++)
    out->exports += o->elf.syms[k].shndx != SHN_UNDEF &&
                    o->elf.syms[k].bind != STB_LOCAL;
}

void orc_store_info(const struct orc_store *s, struct orc_store_info *out) {
  memset(out, 0, sizeof *out);
  for (const struct orc_object *o = s->objects; o; o = o->next) {
    size_t b = shared_bytes(o);
    out->objects++;
    out->users += o->users;
    out->bytes_shared += b;
    out->bytes_duplicated += b * (o->users - 1);
  }
}

void orc_key_hex(const uint8_t *key, char *out) {
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < ORC_KEY_BYTES; i++) {
    out[2 * i] = hex[key[i] >> 4];
    out[2 * i + 1] = hex[key[i] & 15];
  }
  out[2 * ORC_KEY_BYTES] = 0;
}

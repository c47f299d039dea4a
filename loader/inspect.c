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

void orc_link_object_info(const struct orc_link *l, size_t i,
                          struct orc_object_info *out) {
  const struct orc_object *o = l->obj[i];
  memset(out, 0, sizeof *out);
  out->name = o->elf.name;
  memcpy(out->key, o->key, ORC_KEY_BYTES);
  out->slot = o->slot;
  out->users = o->users;
  out->shared_bytes = shared_bytes(o);
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

/* State instances: what a cVM owns of each object it links.
 *
 * The hot path of cVM creation: one allocation per object from the cVM's
 * region (byte granularity, alignment only), a copy of the template's
 * initial bytes (up to its last non-zero byte: zero-initialised state is
 * laid out last), zero fill of the rest unless the memory is fresh, a walk
 * of the precomputed state relocations, and the capability-table entries.
 * No syscall here. */
#include "internal.h"

#include <string.h>

enum orc_status orc_instantiate(const struct orc_link *l,
                                const struct orc_alloc *a, uint64_t *ctable,
                                struct orc_instance *out,
                                struct orc_error *err) {
  *out = (struct orc_instance){l, ctable};
  memset(ctable, 0, l->ctable_size * sizeof *ctable);
  /* First place every instance, so each object's delta is known... */
  for (size_t i = 0; i < l->n; i++) {
    const struct orc_object *o = l->obj[i];
    size_t size = o->elf.tmpl_size;
    if (!size)
      continue;
    /* The template starts on a page: every alignment the pass allows
     * holds inside an instance placed at the largest. */
    char *inst = a->alloc(a->ctx, size, ORC_STATE_MAX_ALIGN);
    if (!inst)
      return orc_fail(err, ORC_ERR_NOMEM,
                      "%s: the cVM's region is exhausted (state instance of "
                      "%zu bytes)",
                      o->elf.name, size);
    ctable[o->slot] = (uint64_t)(uintptr_t)inst -
                      ((uint64_t)(uintptr_t)o->base + o->elf.tmpl_vaddr);
  }
  /* ...then fill them: pointers may cross objects. */
  for (size_t i = 0; i < l->n; i++) {
    const struct orc_object *o = l->obj[i];
    if (!o->elf.tmpl_size)
      continue;
    char *inst = (char *)(uintptr_t)((uint64_t)(uintptr_t)o->base +
                                     o->elf.tmpl_vaddr + ctable[o->slot]);
    memcpy(inst, o->image, o->image_size);
    if (!a->zeroed)
      memset(inst + o->image_size, 0, o->elf.tmpl_size - o->image_size);
    for (size_t k = 0; k < o->nsrel; k++) {
      const struct orc_state_reloc *r = &o->srel[k];
      uint64_t v = r->value + (r->slot ? ctable[r->slot] : 0);
      memcpy(inst + r->offset, &v, 8);
    }
  }
  return ORC_OK;
}

size_t orc_link_state_size(const struct orc_link *l) {
  size_t total = 0;
  for (size_t i = 0; i < l->n; i++)
    if (l->obj[i]->elf.tmpl_size)
      total += (l->obj[i]->elf.tmpl_size + ORC_STATE_MAX_ALIGN - 1) /
               ORC_STATE_MAX_ALIGN * ORC_STATE_MAX_ALIGN;
  return total;
}

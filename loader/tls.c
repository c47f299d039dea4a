/* Thread-local storage: static TLS, x86-64 variant II.
 *
 * Every TLS block of a link lies below the thread pointer, at an offset
 * fixed per link (program first, then load order), so initial-exec and
 * local-exec accesses in the program work, and TPOFF64 relocations are
 * constants of the link (they are part of the program's key). Libraries
 * use the general-dynamic model (the pass refuses the others there):
 * their __tls_get_addr is cVM code (the runtime's liborc_nonshared.a,
 * linked into each, or libc's), which reads the dtv from the thread
 * control block; module ids are the objects' slots, the same in every
 * cVM. The TCB at the thread pointer starts { self, dtv }, as
 * musl's struct pthread does. */
#include "internal.h"
#include "../runtime/src/internal/orc_abi.h" /* struct orc_tls_desc */

#include <string.h>

/* Room at the thread pointer for the runtime's thread control block
 * (musl's struct pthread is about 200 bytes on x86-64). */
#define TCB_SIZE 512

static uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

void orc_tls_layout(const struct orc_elf *const *elfs, size_t n, uint64_t *off,
                    size_t *size, size_t *align) {
  uint64_t end = 0, max_align = 16;
  for (size_t i = 0; i < n; i++) {
    off[i] = 0;
    if (!elfs[i]->has_tls)
      continue;
    end = align_up(end + elfs[i]->tls_memsz, elfs[i]->tls_align);
    off[i] = end;
    if (elfs[i]->tls_align > max_align)
      max_align = elfs[i]->tls_align;
  }
  *size = align_up(end, max_align);
  *align = max_align;
}

size_t orc_tls_size(const struct orc_link *l) {
  return l->tls_size + l->tls_align + TCB_SIZE + 8 * l->ctable_size;
}

size_t orc_tls_align(const struct orc_link *l) { return l->tls_align; }

void *orc_tls_init(const struct orc_link *l, void *area) {
  uintptr_t tp = align_up((uintptr_t)area + l->tls_size, l->tls_align);
  uintptr_t *dtv = (uintptr_t *)(tp + TCB_SIZE);
  memset((void *)(tp - l->tls_size), 0, l->tls_size);
  memset((void *)tp, 0, TCB_SIZE + 8 * l->ctable_size);
  for (size_t i = 0; i < l->n; i++) {
    const struct orc_object *o = l->obj[i];
    if (!o->elf.has_tls)
      continue;
    char *block = (char *)(tp - l->tls_offset[i]);
    memcpy(block, o->base + o->elf.tls_vaddr, o->elf.tls_filesz);
    dtv[o->slot] = (uintptr_t)block;
  }
  ((uintptr_t *)tp)[0] = tp;
  ((uintptr_t *)tp)[1] = (uintptr_t)dtv;
  return (void *)tp;
}

size_t orc_link_tls_desc(const struct orc_link *l, struct orc_tls_desc *d) {
  size_t n = 0;
  for (size_t i = 0; i < l->n; i++) {
    const struct orc_object *o = l->obj[i];
    if (!o->elf.has_tls)
      continue;
    if (d)
      d->modules[n] = (struct orc_tls_module){
          o->slot, (uint64_t)(uintptr_t)(o->base + o->elf.tls_vaddr),
          o->elf.tls_filesz, o->elf.tls_memsz, l->tls_offset[i]};
    n++;
  }
  if (d)
    *d = (struct orc_tls_desc){ORC_TLS_DESC_VERSION, TCB_SIZE, l->tls_size,
                               l->tls_align, l->ctable_size, n};
  return sizeof *d + n * sizeof d->modules[0];
}

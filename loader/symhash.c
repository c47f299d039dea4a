/* Symbol lookup by name: a chained hash table over an object's defined
 * global symbols (the GNU hash function), so that binding a link costs
 * one probe per reference instead of a scan of every object's symbols. */
#include "internal.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>

uint32_t orc_symhash_name(const char *name) {
  uint32_t h = 5381;
  for (const unsigned char *p = (const unsigned char *)name; *p; p++)
    h = h * 33 + *p;
  return h;
}

int orc_symhash_build(struct orc_symhash *h, const struct orc_elf *e) {
  h->nbuckets = (uint32_t)(e->nsyms / 2 + 1);
  h->bucket = calloc(h->nbuckets, sizeof *h->bucket);
  h->chain = calloc(e->nsyms + 1, sizeof *h->chain);
  if (!h->bucket || !h->chain)
    return -1;
  for (size_t k = e->nsyms; k-- > 1;) {
    const struct orc_symbol *s = &e->syms[k];
    if (s->shndx == SHN_UNDEF || s->bind == STB_LOCAL)
      continue;
    uint32_t b = orc_symhash_name(s->name) % h->nbuckets;
    h->chain[k] = h->bucket[b];
    h->bucket[b] = (uint32_t)k;
  }
  return 0;
}

size_t orc_symhash_find(const struct orc_symhash *h, const struct orc_elf *e,
                        const char *name, uint32_t hash) {
  for (uint32_t k = h->bucket[hash % h->nbuckets]; k; k = h->chain[k])
    if (!strcmp(e->syms[k].name, name))
      return k;
  return 0;
}

void orc_symhash_free(struct orc_symhash *h) {
  free(h->bucket);
  free(h->chain);
  memset(h, 0, sizeof *h);
}

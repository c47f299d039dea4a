/* The object store: content-addressed keys, and one mapping per key.
 *
 * An object's key names the bytes it was built from and the way its
 * imports resolve (docs/loader.md, "Keys"); the store holds one mapped
 * object per key, shared by every link that keys it the same, with a
 * slot of its own in every capability table. link.c decides what a
 * program links and how its symbols bind; this file turns each object of
 * that into a key and finds or maps it. */
#include "internal.h"

#include <elf.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

struct orc_object *orc_store_find_digest(struct orc_store *S,
                                         const uint8_t *digest) {
  for (struct orc_object *o = S->objects; o; o = o->next)
    if (!memcmp(o->digest, digest, 32))
      return o;
  return NULL;
}

static int has_tpoff(const struct orc_elf *e) {
  for (size_t r = 0; r < e->nrelocs; r++)
    if (e->relocs[r].type == R_X86_64_TPOFF64)
      return 1;
  return 0;
}

void orc_store_key(struct loading *L, size_t i) {
  struct staged *s = &L->st[i];
  crypto_generichash_state h;
  crypto_generichash_init(&h, NULL, 0, ORC_KEY_BYTES);
  crypto_generichash_update(&h, (const unsigned char *)"orc-key-1", 9);
  crypto_generichash_update(&h, s->digest, sizeof s->digest);
  for (size_t k = 1; k < s->elf.nsyms; k++) {
    const struct binding *b = &s->bind[k];
    if (b->prov < 0 || (size_t)b->prov == i)
      continue;
    crypto_generichash_update(&h, L->st[b->prov].key, ORC_KEY_BYTES);
    crypto_generichash_update(&h, (const unsigned char *)&b->value,
                              sizeof b->value);
  }
  /* Thread-pointer offsets written into shared memory depend on the
   * link's whole TLS layout. */
  if (has_tpoff(&s->elf))
    crypto_generichash_update(&h, (const unsigned char *)L->tlsoff,
                              L->n * sizeof *L->tlsoff);
  crypto_generichash_final(&h, s->key, ORC_KEY_BYTES);
}

static struct orc_object *store_find(struct orc_store *S, const uint8_t *key) {
  for (struct orc_object *o = S->objects; o; o = o->next)
    if (!memcmp(o->key, key, ORC_KEY_BYTES))
      return o;
  return NULL;
}

static enum orc_status map_new(struct loading *L, struct staged *s,
                               struct orc_object *const *scope) {
  struct orc_store *S = L->store;
  unsigned slot = ORC_FIRST_SLOT;
  while (slot < ORC_MAX_SLOTS && S->slot_used[slot])
    slot++;
  if (slot == ORC_MAX_SLOTS)
    return orc_fail(L->err, ORC_ERR_SLOTS,
                    "%s: all %d capability-table slots are in use", s->name,
                    ORC_MAX_SLOTS);
  size_t self = (size_t)(s - L->st);
  struct orc_object *o = calloc(1, sizeof *o);
  uint64_t *addr = calloc(s->elf.nsyms + 1, sizeof *addr);
  uint64_t *tlsoff = calloc(s->elf.nsyms + 1, sizeof *tlsoff);
  struct orc_object **prov = calloc(s->elf.nsyms + 1, sizeof *prov);
  enum orc_status st = ORC_OK;
  if (!o || !addr || !tlsoff || !prov) {
    st = orc_fail(L->err, ORC_ERR_NOMEM, "%s: out of memory", s->name);
    goto out;
  }
  o->store = S;
  o->slot = slot;
  memcpy(o->key, s->key, ORC_KEY_BYTES);
  memcpy(o->digest, s->digest, 32);
  if (s->borrowed) { /* the object owns its parsed form */
    if ((st = orc_elf_parse(s->bytes, s->len, s->name, &o->elf, L->err)))
      goto out;
    if (orc_symhash_build(&o->symhash, &o->elf)) {
      orc_elf_free(&o->elf);
      st = orc_fail(L->err, ORC_ERR_NOMEM, "%s: out of memory", s->name);
      goto out;
    }
  } else {
    o->elf = s->elf;
    o->symhash = s->hash;
  }
  prov[0] = o; /* symbol 0: the object itself (DTPMOD64, TPOFF64) */
  tlsoff[0] = L->tlsoff[self];
  for (size_t k = 1; k < s->elf.nsyms; k++) {
    const struct binding *b = &s->bind[k];
    if (b->prov >= 0) {
      prov[k] = (size_t)b->prov == self ? o : scope[b->prov];
      tlsoff[k] = L->tlsoff[b->prov];
    }
    addr[k] = b->value;
    o->nimports += s->elf.syms[k].shndx == SHN_UNDEF;
  }
  st = orc_object_map(o, prov, addr, tlsoff, s->bytes, L->err);
  if (st) {
    if (s->borrowed) {
      orc_elf_free(&o->elf);
      orc_symhash_free(&o->symhash);
    }
    goto out;
  }
  s->parsed = 0; /* the object owns the parsed ELF now */
  S->slot_used[slot] = 1;
  o->next = S->objects;
  S->objects = o;
  s->obj = o;
  o = NULL;
out:
  if (o && !s->obj)
    free(o);
  free(addr);
  free(tlsoff);
  free(prov);
  return st;
}

enum orc_status orc_store_get(struct loading *L, size_t i,
                              struct orc_object *const *scope) {
  struct staged *s = &L->st[i];
  enum orc_status st = ORC_OK;
  s->obj = store_find(L->store, s->key);
  if (!s->obj && (st = map_new(L, s, scope)))
    return st;
  s->obj->users++;
  return ORC_OK;
}

void orc_object_release(struct orc_object *o) {
  if (--o->users)
    return;
  struct orc_store *S = o->store;
  for (struct orc_object **p = &S->objects; *p; p = &(*p)->next)
    if (*p == o) {
      *p = o->next;
      break;
    }
  S->slot_used[o->slot] = 0;
  orc_object_unmap(o);
  orc_elf_free(&o->elf);
  orc_symhash_free(&o->symhash);
  free(o);
}

void orc_content_digest(const void *bytes, size_t len, uint8_t out[32]) {
  crypto_generichash(out, 32, bytes, len, NULL, 0);
}

struct orc_store *orc_store_new(void) {
  if (sodium_init() < 0)
    return NULL;
  return calloc(1, sizeof(struct orc_store));
}

void orc_store_allow_unverified(struct orc_store *s) { s->allow_unverified = 1; }

void orc_store_free(struct orc_store *s) {
  if (s)
    free(s->free);
  free(s);
}

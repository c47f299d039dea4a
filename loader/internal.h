/* Loader internals shared by its files; not for the monitor. */
#ifndef ORC_LOADER_INTERNAL_H
#define ORC_LOADER_INTERNAL_H

#include "orc_loader.h"

#define ORC_PAGE 4096u

enum orc_status orc_fail(struct orc_error *err, enum orc_status code,
                         const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline uint64_t orc_page_down(uint64_t v) { return v & ~(uint64_t)(ORC_PAGE - 1); }
static inline uint64_t orc_page_up(uint64_t v) {
  return (v + ORC_PAGE - 1) & ~(uint64_t)(ORC_PAGE - 1);
}

const char *orc_reloc_name(uint32_t type);

/* One state relocation, precomputed per object: at instantiation the word
 * at `offset` in the instance becomes `value`, plus the delta of the
 * object in slot `slot` when slot != 0 (a target inside that object's
 * template). */
struct orc_state_reloc {
  uint64_t offset;
  uint64_t value;
  uint32_t slot;
};

/* Defined global symbols by name (symhash.c). */
struct orc_symhash {
  uint32_t nbuckets;
  uint32_t *bucket; /* first symbol index, 0 = none */
  uint32_t *chain;  /* next symbol index, per symbol */
};
uint32_t orc_symhash_name(const char *name);
int orc_symhash_build(struct orc_symhash *h, const struct orc_elf *e);
/* The index of the first definition of name, or 0. */
size_t orc_symhash_find(const struct orc_symhash *h, const struct orc_elf *e,
                        const char *name, uint32_t hash);
void orc_symhash_free(struct orc_symhash *h);

struct orc_object {
  struct orc_store *store;
  struct orc_object *next; /* in the store's list */
  uint8_t key[ORC_KEY_BYTES];
  uint8_t digest[32]; /* of the file's bytes */
  struct orc_elf elf;
  struct orc_symhash symhash;
  char *base; /* shared mapping of [0, elf.span) */
  unsigned slot;
  unsigned users;
  uint8_t *image;      /* the template's initial bytes, up to the last
                          non-zero one (the rest is zero-filled) */
  size_t image_size;
  struct orc_state_reloc *srel;
  size_t nsrel;
  size_t nrel_shared;
  size_t nimports;
  /* The machine-code verifier's verdict on the executable segments
   * (verify.c, docs/sfi.md), once per key, before they became executable:
   * 1 and "", or 0 and the first refusal. */
  int verified;
  char verify_msg[320];
};

struct orc_extent {
  char *base;
  size_t size;
};

struct orc_store {
  struct orc_object *objects;
  struct orc_link *links; /* every link in use, for orc_link_load to reuse */
  char *arena;        /* NULL: objects go wherever mmap puts them */
  int arena_fd;       /* >= 0: the arena is a MAP_SHARED mapping of it */
  struct orc_extent *free; /* free extents of the arena, by address */
  size_t nfree, free_cap;
  unsigned char slot_used[ORC_MAX_SLOTS];
  int allow_unverified; /* orc_store_allow_unverified: insecure */
};

struct orc_link {
  struct orc_store *store;
  struct orc_link *next; /* in the store's list */
  unsigned users;        /* orc_link_load results not yet released */
  struct orc_object **obj; /* global scope order: program first */
  size_t n;
  struct orc_object **init_order; /* dependencies before dependents */
  uint64_t *tls_offset;           /* per object: TP - block start, or 0 */
  size_t tls_size, tls_align;
  size_t ctable_size;
};

int orc_in_template(const struct orc_object *o, uint64_t addr);
/* Maps o (its elf, slot and key set) from the file bytes: per dynsym
 * entry k, the object that defines it (providers[k], NULL when none), its
 * value there, and that object's static TLS offset in this link. */
enum orc_status orc_object_map(struct orc_object *o,
                               struct orc_object *const *providers,
                               const uint64_t *value, const uint64_t *tlsoff,
                               const void *bytes, struct orc_error *err);
void orc_object_unmap(struct orc_object *o);
/* Address space for an object's span: in the arena if the store has one. */
void *orc_span_reserve(struct orc_store *s, size_t size);
void orc_span_release(struct orc_store *s, void *p, size_t size);
/* Drops the contents of [p, p+size) of the arena's file (no-op without). */
void orc_span_discard(struct orc_store *s, void *p, size_t size);
/* Static TLS, variant II: off[i] = thread pointer - start of object i's
 * block (0 for objects without TLS); *size covers every block. */
void orc_tls_layout(const struct orc_elf *const *elfs, size_t n, uint64_t *off,
                    size_t *size, size_t *align);

/* ---- A load in progress: link.c stages it, store.c keys and maps it --- */

#define MAX_OBJECTS 256 /* in one link */

struct binding {
  int prov;       /* index in the scope, -1: unresolved weak, -2: builtin */
  uint64_t value; /* the symbol's value in the provider (or the address) */
};

struct staged {
  char *name; /* as asked for: the program path or a DT_NEEDED entry */
  const void *bytes;
  size_t len;
  uint8_t digest[32];
  struct orc_elf elf;
  struct orc_symhash hash;
  int parsed;   /* elf and hash are this stage's own, to free */
  int borrowed; /* elf and hash belong to a store object of equal bytes */
  uint8_t key[ORC_KEY_BYTES];
  struct binding *bind; /* per dynsym entry */
  struct orc_object *obj;
  int state; /* topological sort: 0 new, 1 visiting, 2 done */
};

struct loading {
  struct orc_store *store;
  const struct orc_source *src;
  struct orc_error *err;
  struct staged st[MAX_OBJECTS];
  size_t n;
  size_t order[MAX_OBJECTS]; /* providers before users */
  size_t norder;
  uint64_t tlsoff[MAX_OBJECTS]; /* static TLS layout of this link */
  size_t tls_size, tls_align;
};

/* The store's object with these bytes (by digest), or NULL. */
struct orc_object *orc_store_find_digest(struct orc_store *S,
                                         const uint8_t *digest);
/* Sets L->st[i].key from its digest and the keys of the objects its
 * imports resolve to, which must be keyed already. */
void orc_store_key(struct loading *L, size_t i);
/* Sets L->st[i].obj to the store's object of its key, mapping it if there
 * is none (scope[j]: the objects found so far, by scope index), and takes
 * a reference on it. */
enum orc_status orc_store_get(struct loading *L, size_t i,
                              struct orc_object *const *scope);
/* Drops a reference; the last one unmaps the object and frees its slot. */
void orc_object_release(struct orc_object *o);

#endif

/* Linking a program: its DT_NEEDED closure and symbol resolution in the
 * global scope; the store (store.c) keys and maps what this resolves.
 *
 * Stages, each allowed only what it says:
 *  1. gather  read and validate the program and its DT_NEEDED closure,
 *             breadth-first as ld.so; nothing is mapped yet;
 *  2. bind    resolve every symbol reference in the global scope (program
 *             first, then load order; the first definition wins, weak or
 *             not; an undefined weak reference is 0);
 *  3. order   providers before the objects that import from them (a
 *             cycle cannot be keyed);
 *  4. key and map, in that order (store.c): an object is shared only
 *             among cVMs that link it the same way.
 * A failure at any stage releases everything the call took. */
#include "internal.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>

static int find_staged(const struct loading *L, const char *name) {
  for (size_t i = 0; i < L->n; i++)
    if (!strcmp(L->st[i].name, name))
      return (int)i;
  return -1;
}

static enum orc_status gather_one(struct loading *L, const char *name,
                                  const char *from) {
  if (L->n == MAX_OBJECTS)
    return orc_fail(L->err, ORC_ERR_DEPENDENCY,
                    "%s: more than %d objects in one link", from, MAX_OBJECTS);
  struct staged *s = &L->st[L->n]; /* zero: L is calloc'ed */
  if (L->src->open(L->src->ctx, name, from, &s->bytes, &s->len, L->err))
    return L->err->code ? L->err->code : ORC_ERR_IO;
  L->n++;
  s->name = strdup(name);
  if (!s->name)
    return orc_fail(L->err, ORC_ERR_NOMEM, "%s: out of memory", name);
  if (!L->src->digest || !L->src->digest(L->src->ctx, name, s->digest))
    orc_content_digest(s->bytes, s->len, s->digest);
  /* The same bytes are in the store already: their validated, parsed form
   * serves for binding; nothing is parsed again unless it must be mapped
   * under another key. */
  struct orc_object *same = orc_store_find_digest(L->store, s->digest);
  if (same) {
    s->elf = same->elf;
    s->hash = same->symhash;
    s->borrowed = 1;
  } else {
    enum orc_status st = orc_elf_parse(s->bytes, s->len, name, &s->elf, L->err);
    if (st)
      return st;
    s->parsed = 1;
    if (orc_symhash_build(&s->hash, &s->elf))
      return orc_fail(L->err, ORC_ERR_NOMEM, "%s: out of memory", name);
  }
  if (from && s->elf.is_program)
    return orc_fail(L->err, ORC_ERR_DEPENDENCY,
                    "%s: DT_NEEDED '%s' is a program, not a library", from, name);
  return ORC_OK;
}

static enum orc_status gather(struct loading *L, const char *program) {
  enum orc_status st = gather_one(L, program, NULL);
  if (st)
    return st;
  if (!L->st[0].elf.is_program)
    return orc_fail(L->err, ORC_ERR_ELF_HEADER,
                    "%s: not a program (no DF_1_PIE): link it with -pie",
                    program);
  for (size_t i = 0; i < L->n; i++)
    for (size_t k = 0; k < L->st[i].elf.nneeded; k++) {
      const char *need = L->st[i].elf.needed[k];
      if (find_staged(L, need) < 0 &&
          (st = gather_one(L, need, L->st[i].name)))
        return st;
    }
  return ORC_OK;
}

static int lookup(const struct loading *L, const char *name, uint64_t *value) {
  uint32_t h = orc_symhash_name(name);
  for (size_t j = 0; j < L->n; j++) {
    size_t k = orc_symhash_find(&L->st[j].hash, &L->st[j].elf, name, h);
    if (k) {
      *value = L->st[j].elf.syms[k].value;
      return (int)j;
    }
  }
  return -1;
}

static enum orc_status bind(struct loading *L) {
  for (size_t i = 0; i < L->n; i++) {
    struct staged *s = &L->st[i];
    const struct orc_elf *e = &s->elf;
    s->bind = calloc(e->nsyms ? e->nsyms : 1, sizeof *s->bind);
    if (!s->bind)
      return orc_fail(L->err, ORC_ERR_NOMEM, "%s: out of memory", e->name);
    for (size_t k = 1; k < e->nsyms; k++) {
      const struct orc_symbol *sym = &e->syms[k];
      struct binding *b = &s->bind[k];
      b->prov = lookup(L, sym->name, &b->value);
      if (b->prov >= 0 || sym->bind == STB_LOCAL)
        continue;
      if (sym->bind == STB_WEAK) {
        b->prov = -1;
      } else {
        /* Only an error if a relocation uses it. */
        b->prov = -3;
      }
    }
    for (size_t r = 0; r < e->nrelocs; r++) {
      uint32_t k = e->relocs[r].sym;
      if (k && s->bind[k].prov == -3)
        return orc_fail(L->err, ORC_ERR_UNDEFINED,
                        "Error relocating %s: %s: symbol not found", e->name,
                        e->syms[k].name);
    }
  }
  return ORC_OK;
}

/* Depth-first over "resolves to" edges; a cycle cannot be keyed. */
static enum orc_status sort_from(struct loading *L, size_t i) {
  struct staged *s = &L->st[i];
  if (s->state == 2)
    return ORC_OK;
  if (s->state == 1)
    return orc_fail(L->err, ORC_ERR_DEPENDENCY,
                    "%s: circular symbol resolution (it imports from an object "
                    "that imports from it); ORC cannot share such objects",
                    s->name);
  s->state = 1;
  for (size_t k = 1; k < s->elf.nsyms; k++) {
    int p = s->bind[k].prov;
    enum orc_status st;
    if (p >= 0 && (size_t)p != i && (st = sort_from(L, (size_t)p)))
      return st;
  }
  s->state = 2;
  L->order[L->norder++] = i;
  return ORC_OK;
}

/* Dependencies before dependents, by DT_NEEDED, for constructors. */
static void init_order(struct orc_link *l, struct loading *L, size_t i,
                       unsigned char *seen, size_t *n) {
  seen[i] = 1;
  const struct orc_elf *e = &l->obj[i]->elf;
  for (size_t k = 0; k < e->nneeded; k++) {
    int j = find_staged(L, e->needed[k]);
    if (j >= 0 && !seen[j])
      init_order(l, L, (size_t)j, seen, n);
  }
  l->init_order[(*n)++] = l->obj[i];
}

static enum orc_status make_link(struct loading *L, struct orc_link **out) {
  struct orc_link *l = calloc(1, sizeof *l);
  if (!l)
    return orc_fail(L->err, ORC_ERR_NOMEM, "out of memory");
  l->store = L->store;
  l->n = L->n;
  l->obj = calloc(L->n, sizeof *l->obj);
  l->init_order = calloc(L->n, sizeof *l->init_order);
  l->tls_offset = calloc(L->n, sizeof *l->tls_offset);
  l->tls_size = L->tls_size;
  l->tls_align = L->tls_align;
  if (!l->obj || !l->init_order || !l->tls_offset) {
    free(l->obj);
    free(l->init_order);
    free(l->tls_offset);
    free(l);
    return orc_fail(L->err, ORC_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < L->n; i++) {
    l->obj[i] = L->st[i].obj;
    l->tls_offset[i] = L->tlsoff[i];
    if (l->obj[i]->slot + 1 > l->ctable_size)
      l->ctable_size = l->obj[i]->slot + 1;
  }
  unsigned char seen[MAX_OBJECTS] = {0};
  size_t n = 0;
  init_order(l, L, 0, seen, &n);
  for (size_t i = 0; i < L->n; i++) /* unreachable by DT_NEEDED: none */
    if (!seen[i])
      l->init_order[n++] = l->obj[i];
  l->users = 1;
  l->next = L->store->links;
  L->store->links = l;
  *out = l;
  return ORC_OK;
}

/* A link of the same files, in the same scope order, is the same link:
 * binding, keys and TLS layout are functions of those bytes alone. So a
 * program started again (another cVM of an image, or of another image
 * with equal files) reuses the link instead of resolving every symbol of
 * every object again. */
static struct orc_link *find_link(const struct loading *L) {
  for (struct orc_link *l = L->store->links; l; l = l->next) {
    if (l->n != L->n)
      continue;
    size_t i = 0;
    while (i < L->n && !memcmp(l->obj[i]->digest, L->st[i].digest, 32))
      i++;
    if (i == L->n)
      return l;
  }
  return NULL;
}

/* Binds, lays out TLS, keys every object (providers first), finds or maps
 * each in the store and makes the link. */
static enum orc_status link_new(struct loading *L, struct orc_link **out) {
  enum orc_status st = bind(L);
  if (st)
    return st;
  const struct orc_elf *elfs[MAX_OBJECTS];
  for (size_t i = 0; i < L->n; i++)
    elfs[i] = &L->st[i].elf;
  orc_tls_layout(elfs, L->n, L->tlsoff, &L->tls_size, &L->tls_align);
  for (size_t i = 0; !st && i < L->n; i++)
    st = sort_from(L, i);
  struct orc_object *scope[MAX_OBJECTS] = {0};
  for (size_t k = 0; !st && k < L->norder; k++) {
    size_t i = L->order[k];
    orc_store_key(L, i);
    if (!(st = orc_store_get(L, i, scope)))
      scope[i] = L->st[i].obj;
  }
  return st ? st : make_link(L, out);
}

enum orc_status orc_link_load(struct orc_store *S, const char *program,
                              const struct orc_source *src,
                              struct orc_link **out, struct orc_error *err) {
  struct loading *L = calloc(1, sizeof *L);
  if (!L)
    return orc_fail(err, ORC_ERR_NOMEM, "%s: out of memory", program);
  L->store = S, L->src = src, L->err = err; /* the rest: zero (calloc) */
  err->code = ORC_OK;
  enum orc_status st = gather(L, program);
  struct orc_link *same = st ? NULL : find_link(L);
  if (same) {
    same->users++;
    *out = same;
  } else if (!st) {
    st = link_new(L, out);
  }
  for (size_t i = 0; i < L->n; i++) {
    struct staged *s = &L->st[i];
    if (st && s->obj)
      orc_object_release(s->obj);
    if (s->parsed) {
      orc_elf_free(&s->elf);
      orc_symhash_free(&s->hash);
    }
    free(s->name);
    free(s->bind);
    if (s->bytes && src->release)
      src->release(src->ctx, s->bytes, s->len);
  }
  free(L);
  return st;
}

void orc_link_release(struct orc_link *l) {
  if (!l || --l->users)
    return;
  for (struct orc_link **p = &l->store->links; *p; p = &(*p)->next)
    if (*p == l) {
      *p = l->next;
      break;
    }
  for (size_t i = 0; i < l->n; i++)
    orc_object_release(l->obj[i]);
  free(l->obj);
  free(l->init_order);
  free(l->tls_offset);
  free(l);
}

void *orc_link_entry(const struct orc_link *l) {
  return l->obj[0]->base + l->obj[0]->elf.entry;
}

size_t orc_link_ctable_size(const struct orc_link *l) { return l->ctable_size; }

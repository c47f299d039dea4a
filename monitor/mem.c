/* A cVM's memory: a range of its window (window.c), committed page by
 * page under the cVM's quota. Everything the cVM owns lives here: its
 * state instances and TLS (byte-granular, from the front), its stacks, and
 * whatever it maps (heap). Nothing here is ever executable. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define PAGE 4096u

int region_init(struct region *r, char *base, size_t space, size_t quota) {
  memset(r, 0, sizeof *r);
  size_t pages = quota / PAGE + (quota % PAGE != 0); /* no overflow */
  if (!pages || pages > space / PAGE)
    return -1;
  r->quota = pages * PAGE;
  /* More address space than the quota where the window has it:
   * fragmentation must not make a cVM fail before it uses its quota. The
   * window's reservation (PROT_NONE) is the region's. */
  r->size = r->quota <= (space - 16 * PAGE) / 2 ? 2 * r->quota + 16 * PAGE
                                                 : space / PAGE * PAGE;
  r->npages = r->size / PAGE;
  r->base = base;
  /* The page map: a bit per page, in leaves of LEAF_PAGES pages made on
   * first use, so a cVM that uses a few MiB of its region pays a few
   * dozen bytes for it (a byte map of the whole region cost a page). */
  r->nleaves = (r->npages + LEAF_PAGES - 1) / LEAF_PAGES;
  r->leaf = calloc(r->nleaves, sizeof *r->leaf);
  return r->leaf ? 0 : -1;
}

/* The pages go with the window (window_close empties the region). */
void region_free(struct region *r) {
  for (size_t i = 0; r->leaf && i < r->nleaves; i++)
    free(r->leaf[i]);
  free(r->leaf);
  memset(r, 0, sizeof *r);
}

/* The page map is read without the lock by guest.c (region_allows):
 * leaves and words are loaded and stored atomically, and a leaf, once
 * made, stays until region_free. */
static struct region_leaf *leaf_of(const struct region *r, size_t page) {
  return __atomic_load_n(&r->leaf[page / LEAF_PAGES], __ATOMIC_ACQUIRE);
}

static uint64_t word(const uint64_t *w, size_t page) {
  return __atomic_load_n(&w[page % LEAF_PAGES / 64], __ATOMIC_RELAXED);
}

static int used(const struct region *r, size_t page) {
  const struct region_leaf *l = leaf_of(r, page);
  return l && (word(l->used, page) >> (page % 64) & 1);
}

static void set_bit(uint64_t *w, size_t page, int on) {
  uint64_t bit = 1ull << (page % 64), old = word(w, page);
  __atomic_store_n(&w[page % LEAF_PAGES / 64], on ? old | bit : old & ~bit,
                   __ATOMIC_RELAXED);
}

/* Marks pages [first, first + n) used with protection prot, or free if
 * prot < 0; -1 if a leaf cannot be made (nothing is marked then). On
 * x86-64 a writable page is readable too. */
static int mark(struct region *r, size_t first, size_t n, int prot) {
  for (size_t i = first / LEAF_PAGES; prot >= 0 && i <= (first + n - 1) / LEAF_PAGES; i++) {
    if (r->leaf[i])
      continue;
    struct region_leaf *l = calloc(1, sizeof *l);
    if (!l)
      return -1;
    __atomic_store_n(&r->leaf[i], l, __ATOMIC_RELEASE);
  }
  for (size_t i = first; i < first + n; i++) {
    struct region_leaf *l = r->leaf[i / LEAF_PAGES];
    if (!l)
      continue;
    set_bit(l->used, i, prot >= 0);
    set_bit(l->read, i, prot > 0 && (prot & (PROT_READ | PROT_WRITE)));
    set_bit(l->write, i, prot > 0 && (prot & PROT_WRITE));
  }
  return 0;
}

/* First fit over the page map. */
void *region_map(struct region *r, size_t len, int prot) {
  size_t n = (len + PAGE - 1) / PAGE;
  if (!n || n * PAGE > r->quota - r->committed)
    return NULL;
  for (size_t i = 0, run = 0; i < r->npages; i++) {
    /* A word of 64 pages at once when it cannot end the search: all used,
     * or all free and the run still short at its end. */
    const struct region_leaf *l = r->leaf[i / LEAF_PAGES];
    uint64_t w = l ? l->used[i % LEAF_PAGES / 64] : 0;
    if (i % 64 == 0 && i + 64 <= r->npages &&
        (w == ~0ull || (w == 0 && run + 64 < n))) {
      run = w ? 0 : run + 64;
      i += 63;
      continue;
    }
    run = used(r, i) ? 0 : run + 1;
    if (run < n)
      continue;
    size_t first = i + 1 - n;
    char *p = r->base + first * PAGE;
    if (mark(r, first, n, prot))
      return NULL;
    if (mprotect(p, n * PAGE, prot)) {
      mark(r, first, n, -1);
      return NULL;
    }
    r->committed += n * PAGE;
    return p;
  }
  return NULL;
}

/* The page's protection (PROT_NONE, PROT_READ or PROT_READ | PROT_WRITE),
 * or -1 if it is free. */
static int page_prot(const struct region *r, size_t page) {
  const struct region_leaf *l = leaf_of(r, page);
  if (!used(r, page))
    return -1;
  return (word(l->read, page) >> (page % 64) & 1 ? PROT_READ : 0) |
         (word(l->write, page) >> (page % 64) & 1 ? PROT_WRITE : 0);
}

static int in_region(const struct region *r, const void *p, size_t len) {
  uintptr_t a = (uintptr_t)p, b = (uintptr_t)r->base;
  return a >= b && len <= r->size && a - b <= r->size - len;
}

/* Gives pages back: each run of allocated pages is replaced by a fresh
 * PROT_NONE reservation, which drops its contents whether it was anonymous
 * memory or a file mapping (a shared one must not stay behind, to be
 * written through later). Pages not allocated are ignored, as munmap
 * ignores unmapped ranges. */
int region_unmap(struct region *r, void *addr, size_t len) {
  len = (len + PAGE - 1) / PAGE * PAGE;
  if ((uintptr_t)addr % PAGE || !in_region(r, addr, len))
    return -EINVAL;
  size_t first = (size_t)((char *)addr - r->base) / PAGE, end = first + len / PAGE;
  for (size_t i = first; i < end;) {
    if (!used(r, i)) {
      i++;
      continue;
    }
    size_t run = 0;
    while (i + run < end && used(r, i + run))
      run++;
    mmap(r->base + i * PAGE, run * PAGE, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    mark(r, i, run, -1);
    r->committed -= run * PAGE;
    i += run;
  }
  return 0;
}

int region_protect(struct region *r, void *addr, size_t len, int prot) {
  len = (len + PAGE - 1) / PAGE * PAGE;
  if ((uintptr_t)addr % PAGE || !in_region(r, addr, len))
    return -EINVAL;
  if (prot & PROT_EXEC)
    return -EACCES; /* only the store maps code */
  size_t first = (size_t)((char *)addr - r->base) / PAGE;
  for (size_t i = first; i < first + len / PAGE; i++)
    if (!used(r, i))
      return -ENOMEM;
  if (mprotect(addr, len, prot))
    return -errno;
  mark(r, first, len / PAGE, prot);
  return 0;
}

/* Byte-granular allocations packed from whole pages: state instances and
 * TLS areas. Always zero-filled: the pages are fresh and never reused
 * (orc_instantiate relies on it). */
void *region_alloc_bytes(struct region *r, size_t size, size_t align) {
  uintptr_t at = ((uintptr_t)r->bump + align - 1) & ~(uintptr_t)(align - 1);
  if (!r->bump || at + size > (uintptr_t)r->bump_end) {
    size_t chunk = (size + align + PAGE - 1) / PAGE * PAGE;
    char *p = region_map(r, chunk, PROT_READ | PROT_WRITE);
    if (!p)
      return NULL;
    if (p != r->bump_end || !r->bump) { /* not right after: start afresh */
      r->bump = p;
      at = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
    } /* else the pages extend the current run: nothing left unused */
    r->bump_end = p + chunk;
  }
  r->bump = (char *)(at + size);
  return (void *)at;
}

int region_allows(const struct region *r, const void *p, size_t len, int write) {
  if (!in_region(r, p, len))
    return 0;
  size_t first = (size_t)((const char *)p - r->base) / PAGE;
  size_t last = (size_t)((const char *)p + len - 1 - r->base) / PAGE;
  for (size_t i = first; i <= last; i++) {
    const struct region_leaf *l = leaf_of(r, i);
    if (!l || !(word(write ? l->write : l->read, i) >> (i % 64) & 1))
      return 0;
  }
  return 1;
}

/* mremap: shrinking gives the tail back; growing moves the pages with the
 * kernel's mremap onto a fresh run of the region (MREMAP_DONTUNMAP leaves
 * the old range mapped, so the region never has a hole another mapping of
 * the process could land in; the old range is then given back like any
 * other). The monitor never touches the contents: they move with their
 * protection, file mappings included. The old range must have one
 * protection throughout (Linux: one mapping, else EFAULT). */
void *region_remap(struct region *r, void *old, size_t oldlen, size_t newlen,
                   int maymove, long *err) {
  oldlen = (oldlen + PAGE - 1) / PAGE * PAGE;
  newlen = (newlen + PAGE - 1) / PAGE * PAGE;
  *err = -EINVAL;
  if (!oldlen || !newlen || (uintptr_t)old % PAGE || !in_region(r, old, oldlen))
    return NULL;
  size_t first = (size_t)((char *)old - r->base) / PAGE;
  int prot = page_prot(r, first);
  for (size_t i = first; i < first + oldlen / PAGE; i++)
    if (prot < 0 || page_prot(r, i) != prot)
      return *err = -EFAULT, NULL;
  if (newlen <= oldlen) {
    region_unmap(r, (char *)old + newlen, oldlen - newlen);
    return old;
  }
  *err = -ENOMEM;
  char *p = maymove ? region_map(r, newlen, prot) : NULL;
  if (!p)
    return NULL;
  if (mremap(old, oldlen, oldlen, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP,
             p) == MAP_FAILED) {
    *err = -errno;
    region_unmap(r, p, newlen);
    return NULL;
  }
  region_unmap(r, old, oldlen);
  return p;
}

/* Bytes of the region's pages that are resident now (mincore): what the
 * cVM really costs, as opposed to what it may use. */
size_t region_resident(const struct region *r) {
  size_t n = 0;
  unsigned char vec[256];
  for (size_t i = 0; i < r->npages;) {
    if (!used(r, i)) {
      i++;
      continue;
    }
    size_t run = 0;
    while (i + run < r->npages && used(r, i + run) && run < sizeof vec)
      run++;
    if (mincore(r->base + i * PAGE, run * PAGE, vec) == 0)
      for (size_t k = 0; k < run; k++)
        n += (vec[k] & 1) ? PAGE : 0;
    i += run;
  }
  return n;
}

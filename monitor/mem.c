/* A cVM's memory: one reservation of address space, committed page by
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

int region_init(struct region *r, size_t quota) {
  memset(r, 0, sizeof *r);
  r->quota = (quota + PAGE - 1) / PAGE * PAGE;
  /* Reserve more address space than the quota: fragmentation must not
   * make a cVM fail before it uses its quota. */
  r->size = 2 * r->quota + 16 * PAGE;
  r->npages = r->size / PAGE;
  r->base = mmap(NULL, r->size, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (r->base == MAP_FAILED)
    return -1;
  /* The page map is mapped, not allocated: its untouched parts (most of
   * it, for a cVM far below its quota) cost no memory. */
  r->used = mmap(NULL, r->npages, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (r->used == MAP_FAILED) {
    munmap(r->base, r->size);
    r->used = NULL;
    return -1;
  }
  return 0;
}

void region_free(struct region *r) {
  if (r->base)
    munmap(r->base, r->size);
  if (r->used)
    munmap(r->used, r->npages);
  memset(r, 0, sizeof *r);
}

/* First fit over the page map. */
void *region_map(struct region *r, size_t len, int prot) {
  size_t n = (len + PAGE - 1) / PAGE;
  if (!n || n * PAGE > r->quota - r->committed)
    return NULL;
  for (size_t i = 0, run = 0; i < r->npages; i++) {
    run = r->used[i] ? 0 : run + 1;
    if (run < n)
      continue;
    size_t first = i + 1 - n;
    char *p = r->base + first * PAGE;
    if (mprotect(p, n * PAGE, prot))
      return NULL;
    memset(r->used + first, 1, n);
    r->committed += n * PAGE;
    if (r->committed > r->peak)
      r->peak = r->committed;
    return p;
  }
  return NULL;
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
    if (!r->used[i]) {
      i++;
      continue;
    }
    size_t run = 0;
    while (i + run < end && r->used[i + run])
      run++;
    mmap(r->base + i * PAGE, run * PAGE, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    memset(r->used + i, 0, run);
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
    if (!r->used[i])
      return -ENOMEM;
  return mprotect(addr, len, prot) ? -errno : 0;
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

/* The cVM may read its region and the shared objects it links (string
 * literals, tables); it may write only its region's allocated pages. */
int cvm_can_access(const struct cvm *c, const void *p, size_t len, int write) {
  if (!len)
    return 1;
  if (in_region(&c->mem, p, len)) {
    size_t first = (size_t)((const char *)p - c->mem.base) / PAGE;
    size_t last = (size_t)((const char *)p + len - 1 - c->mem.base) / PAGE;
    for (size_t i = first; i <= last; i++)
      if (!c->mem.used[i])
        return 0;
    return 1;
  }
  return !write && orc_link_contains(c->link, p, len);
}

/* Bytes of the region's pages that are resident now (mincore): what the
 * cVM really costs, as opposed to what it may use. */
size_t region_resident(const struct region *r) {
  size_t n = 0;
  unsigned char vec[256];
  for (size_t i = 0; i < r->npages;) {
    if (!r->used[i]) {
      i++;
      continue;
    }
    size_t run = 0;
    while (i + run < r->npages && r->used[i + run] && run < sizeof vec)
      run++;
    if (mincore(r->base + i * PAGE, run * PAGE, vec) == 0)
      for (size_t k = 0; k < run; k++)
        n += (vec[k] & 1) ? PAGE : 0;
    i += run;
  }
  return n;
}

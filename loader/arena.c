/* Where objects are mapped: anywhere, or inside an arena the caller
 * reserved (first fit over a list of free extents, in address order). An
 * arena may be a shared mapping of a file (fd, offset = address - base):
 * then pages an object no longer needs are punched out of the file, so
 * that every other mapping of it loses them too. */
#include "internal.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int orc_store_set_arena(struct orc_store *s, void *base, size_t size, int fd) {
  struct orc_extent *e = malloc(sizeof *e);
  if (!e)
    return -1;
  free(s->free);
  *e = (struct orc_extent){base, size};
  s->arena = base;
  s->arena_fd = fd;
  s->free = e;
  s->nfree = 1;
  s->free_cap = 1;
  return 0;
}

void *orc_span_reserve(struct orc_store *s, size_t size) {
  if (!s->arena) {
    void *m = mmap(NULL, size, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return m == MAP_FAILED ? NULL : m;
  }
  for (size_t i = 0; i < s->nfree; i++) {
    struct orc_extent *e = &s->free[i];
    if (e->size < size)
      continue;
    char *p = e->base;
    e->base += size;
    e->size -= size;
    if (!e->size) {
      memmove(e, e + 1, (s->nfree - i - 1) * sizeof *e);
      s->nfree--;
    }
    return p;
  }
  return NULL;
}

void orc_span_discard(struct orc_store *s, void *p, size_t size) {
  if (s->arena && s->arena_fd >= 0)
    fallocate(s->arena_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
              (off_t)((char *)p - s->arena), (off_t)size);
}

void orc_span_release(struct orc_store *s, void *p, size_t size) {
  if (!s->arena) {
    munmap(p, size);
    return;
  }
  /* Keep the range reserved, contents gone. */
  if (s->arena_fd >= 0) {
    mprotect(p, size, PROT_NONE);
    orc_span_discard(s, p, size);
  } else {
    mmap(p, size, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
  }
  size_t i = 0;
  while (i < s->nfree && s->free[i].base < (char *)p)
    i++;
  if (i > 0 && s->free[i - 1].base + s->free[i - 1].size == (char *)p) {
    s->free[i - 1].size += size; /* merge with the previous */
    if (i < s->nfree && (char *)p + size == s->free[i].base) {
      s->free[i - 1].size += s->free[i].size;
      memmove(&s->free[i], &s->free[i + 1], (s->nfree - i - 1) * sizeof *s->free);
      s->nfree--;
    }
    return;
  }
  if (i < s->nfree && (char *)p + size == s->free[i].base) {
    s->free[i].base = p; /* merge with the next */
    s->free[i].size += size;
    return;
  }
  if (s->nfree == s->free_cap) {
    size_t cap = s->free_cap * 2 + 4;
    struct orc_extent *n = realloc(s->free, cap * sizeof *n);
    if (!n)
      return; /* the range stays reserved and unused */
    s->free = n;
    s->free_cap = cap;
  }
  memmove(&s->free[i + 1], &s->free[i], (s->nfree - i) * sizeof *s->free);
  s->free[i] = (struct orc_extent){p, size};
  s->nfree++;
}

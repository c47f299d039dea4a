#define _GNU_SOURCE
#include "support.h"
#include "internal.h" /* the loader's: link_symbol reads a link's objects */

#include <asm/prctl.h>
#include <elf.h>
#include <fcntl.h>
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int dir_open(void *ctx, const char *name, const char *from,
                    const void **bytes, size_t *len, struct orc_error *err) {
  const struct dir_source *d = ctx;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", d->dir, name);
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st)) {
    snprintf(err->msg, sizeof err->msg, "%s: cannot open (needed by %s)",
             path, from ? from : "the caller");
    err->code = ORC_ERR_IO;
    if (fd >= 0)
      close(fd);
    return -1;
  }
  void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (m == MAP_FAILED) {
    snprintf(err->msg, sizeof err->msg, "%s: cannot map", path);
    err->code = ORC_ERR_IO;
    return -1;
  }
  *bytes = m;
  *len = (size_t)st.st_size;
  return 0;
}

static void dir_release(void *ctx, const void *bytes, size_t len) {
  (void)ctx;
  munmap((void *)bytes, len);
}

void dir_source_init(struct dir_source *d, const char *dir) {
  d->src = (struct orc_source){d, dir_open, dir_release, NULL};
  d->dir = dir;
}

static void *region_alloc(void *ctx, size_t size, size_t align) {
  struct region *r = ctx;
  size_t at = (r->used + align - 1) & ~(align - 1);
  if (at > r->size || size > r->size - at)
    return NULL;
  r->used = at + size;
  return r->base + at;
}

int region_init(struct region *r, size_t size) {
  r->base = mmap(NULL, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (r->base == MAP_FAILED)
    return -1;
  r->size = size;
  r->used = 0;
  r->alloc = (struct orc_alloc){r, region_alloc};
  return 0;
}

void region_free(struct region *r) { munmap(r->base, r->size); }

void *link_symbol(const struct orc_link *l, const char *name) {
  for (size_t j = 0; j < l->n; j++) {
    const struct orc_elf *e = &l->obj[j]->elf;
    for (size_t k = 1; k < e->nsyms; k++) {
      const struct orc_symbol *s = &e->syms[k];
      if (s->shndx != SHN_UNDEF && s->bind != STB_LOCAL && s->type != STT_TLS &&
          !strcmp(s->name, name))
        return l->obj[j]->base + s->value;
    }
  }
  return NULL;
}

void run_constructors(const struct orc_instance *inst) {
  size_t n = orc_link_init_fini(inst->link, 0, NULL, 0);
  void **fns = malloc((n ? n : 1) * sizeof *fns);
  if (!fns) {
    fprintf(stderr, "run_constructors: out of memory\n");
    exit(1);
  }
  orc_link_init_fini(inst->link, 0, fns, n);
  for (size_t i = 0; i < n; i++)
    ((void (*)(void))fns[i])();
  free(fns);
}

int have_fsgsbase(void) { return (getauxval(AT_HWCAP2) & 2) != 0; }

/* GS = the table's window: the table lies 64 KiB above GS
 * (ORC_CTABLE_OFFSET, runtime/src/internal/orc_abi.h). */
__attribute__((target("fsgsbase"))) void set_gs(void *table) {
  char *base = table ? (char *)table - 0x10000 : NULL;
  if (have_fsgsbase())
    _writegsbase_u64((unsigned long long)base);
  else
    syscall(SYS_arch_prctl, ARCH_SET_GS, base);
}

__attribute__((target("fsgsbase"))) void *get_fs(void) {
  return (void *)_readfsbase_u64();
}

__attribute__((target("fsgsbase"))) void set_fs(void *base) {
  _writefsbase_u64((unsigned long long)base);
}

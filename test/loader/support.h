/* Shared by the loader's tests and benchmark: objects read from an image
 * directory, a bump allocator over one region, GS/FS switching, and the
 * test-only views of a link. */
#ifndef ORC_TEST_LOADER_SUPPORT_H
#define ORC_TEST_LOADER_SUPPORT_H

#include "orc_loader.h"

struct dir_source {
  struct orc_source src;
  const char *dir;
};
void dir_source_init(struct dir_source *d, const char *dir);

struct region {
  struct orc_alloc alloc;
  char *base;
  size_t size, used;
};
int region_init(struct region *r, size_t size);
void region_free(struct region *r);

/* Test-only views of a link (test_loader.c; the monitor needs neither).
 * The address, in the shared mapping, of a symbol the link defines, in
 * scope order, or NULL: */
void *link_symbol(const struct orc_link *l, const char *name);
/* Every constructor of the link, in orc_link_init_fini's order, called
 * directly: the caller must have pointed GS at inst->ctable. (In a cVM
 * the runtime calls them, from AT_ORC_INIT.) */
void run_constructors(const struct orc_instance *inst);

int have_fsgsbase(void);
void set_gs(void *base);
void *get_fs(void);
void set_fs(void *base);

#endif

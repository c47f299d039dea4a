/* Shared by the loader's tests and benchmark: objects read from an image
 * directory, a bump allocator over one region, GS/FS switching. */
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

int have_fsgsbase(void);
void set_gs(void *base);
void *get_fs(void);
void set_fs(void *base);

#endif

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#include "foo.h"
#include <stdlib.h>
#include <string.h>

static int calls = 100;
static char buffer[32];
static const char suffix[] = "!";

int foo_next(void) { return ++calls; }

const char *foo_greeting(const char *name) {
#ifdef HAVE_STRLCPY
  strlcpy(buffer, name, sizeof buffer - 1);
#else
  strncpy(buffer, name, sizeof buffer - 2);
  buffer[sizeof buffer - 2] = 0;
#endif
  strcat(buffer, suffix);
  return buffer;
}

static int desc(const void *a, const void *b) {
  return *(const int *)b - *(const int *)a;
}

void foo_sort_desc(int *v, size_t n) { qsort(v, n, sizeof *v, desc); }

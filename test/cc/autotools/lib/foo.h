#ifndef FOO_H
#define FOO_H
#include <stddef.h>

/* Counts calls: state, one copy per cVM. */
int foo_next(void);
/* Copies "NAME!" into a buffer the library owns (state) and returns it. */
const char *foo_greeting(const char *name);
/* Sorts the ints in place, descending. */
void foo_sort_desc(int *v, size_t n);

#endif

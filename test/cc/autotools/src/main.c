#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#include "foo.h"
#include <stdio.h>

static int values[] = {3, 14, 1, 5, 9, 2, 6};

static const char *yes(int v) { return v ? "yes" : "no"; }

int main(int argc, char **argv) {
  printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  printf("%s\n", foo_greeting(argc > 1 ? argv[1] : "world"));
  int a = foo_next(), b = foo_next();
  printf("calls: %d %d\n", a, b);
  foo_sort_desc(values, sizeof values / sizeof *values);
  for (size_t i = 0; i < sizeof values / sizeof *values; i++)
    printf("%d%c", values[i], i + 1 < sizeof values / sizeof *values ? ' ' : '\n');
#ifdef HAVE_SYS_RANDOM_H
  int random_h = 1;
#else
  int random_h = 0;
#endif
#ifdef HAVE_SYS_CDEFS_H
  int cdefs_h = 1;
#else
  int cdefs_h = 0;
#endif
#ifdef HAVE_STRLCPY
  int strlcpy_ = 1;
#else
  int strlcpy_ = 0;
#endif
#ifdef HAVE_ORC_NO_SUCH_FUNCTION
  int nosuch = 1;
#else
  int nosuch = 0;
#endif
  printf("sys/random.h: %s, sys/cdefs.h: %s, strlcpy: %s, "
         "orc_no_such_function: %s\n",
         yes(random_h), yes(cdefs_h), yes(strlcpy_), yes(nosuch));
  return 0;
}

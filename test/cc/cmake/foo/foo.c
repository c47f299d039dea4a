#include "foo.h"
#include <stdio.h>

static int slots[FOO_SLOTS];
static int used;
static char line[64];
static _Thread_local int tls_counter = 10;

int foo_put(int v) {
  slots[used % FOO_SLOTS] = v;
  return ++used;
}

int foo_sum(void) {
  int s = 0;
  for (int i = 0; i < FOO_SLOTS; i++)
    s += slots[i];
  return s;
}

const char *foo_say(const char *text) {
  snprintf(line, sizeof line, "%s: %s", FOO_PREFIX, text);
  return line;
}

int foo_tls_bump(void) { return ++tls_counter; }

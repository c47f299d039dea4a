/* qsort and bsearch with callbacks, including ones that keep state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int calls;
static int by_value(const void *a, const void *b) {
  calls++;
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void) {
  int v[200];
  unsigned s = 12345;
  for (int i = 0; i < 200; i++)
    v[i] = (int)((s = s * 1103515245 + 12345) >> 16) % 1000;
  qsort(v, 200, sizeof *v, by_value);
  int ok = 1;
  for (int i = 1; i < 200; i++)
    ok &= v[i - 1] <= v[i];
  printf("sorted %d first %d last %d comparisons>0 %d\n", ok, v[0], v[199], calls > 0);
  const char *names[] = {"pear", "apple", "fig", "banana", "cherry"};
  qsort(names, 5, sizeof *names, by_name);
  for (int i = 0; i < 5; i++)
    printf("%s ", names[i]);
  int key = v[100];
  int *hit = bsearch(&key, v, 200, sizeof *v, by_value);
  printf("\nfound %d\n", hit && *hit == key);
  return 0;
}

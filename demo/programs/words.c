/* A text tenant: counts words and distinct words of a file in its image
 * with a small hash table in global state. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUCKETS 512
struct word {
  char *text;
  int count;
  struct word *next;
};
static struct word *table[BUCKETS];
static int distinct, total;

static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h % BUCKETS;
}

static void add(const char *w) {
  total++;
  for (struct word *p = table[hash(w)]; p; p = p->next)
    if (!strcmp(p->text, w)) {
      p->count++;
      return;
    }
  struct word *n = malloc(sizeof *n);
  n->text = strdup(w);
  n->count = 1;
  n->next = table[hash(w)];
  table[hash(w)] = n;
  distinct++;
}

int main(int argc, char **argv) {
  FILE *f = fopen(argc > 1 ? argv[1] : "/share/text.txt", "r");
  if (!f) {
    perror("words");
    return 1;
  }
  char w[64];
  int n = 0, c;
  while ((c = fgetc(f)) != EOF) {
    if (isalpha(c) && n < 63) {
      w[n++] = (char)tolower(c);
    } else if (n) {
      w[n] = 0;
      add(w);
      n = 0;
    }
  }
  fclose(f);
  printf("%d words, %d distinct\n", total, distinct);
  return 0;
}

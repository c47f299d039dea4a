/* The tenant: ordinary C with global state, compiled once with orc.so.
 * Every instance of it (a "cVM") sees its own copy of every global below,
 * while the code and read-only data exist once. */
#include <stddef.h>

#define MAX_WORDS 64

struct word {
  char text[24];
  int count;
};

static struct word words[MAX_WORDS]; /* .bss: per tenant */
static int nwords;
static long total = 0;
static const char *greeting = "hello"; /* pointer to shared rodata */
static struct word *busiest;           /* pointer into this tenant's state */
static struct word *const first = &words[0]; /* const, but holds state */

static int same(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i])
      return 0;
  return b[n] == 0;
}

static void add_word(const char *w, size_t n) {
  if (n == 0 || n >= sizeof words[0].text)
    return;
  total++;
  for (int i = 0; i < nwords; i++)
    if (same(w, words[i].text, n)) {
      if (++words[i].count > busiest->count)
        busiest = &words[i];
      return;
    }
  if (nwords == MAX_WORDS)
    return;
  struct word *nw = &words[nwords++];
  for (size_t i = 0; i < n; i++)
    nw->text[i] = w[i];
  nw->text[n] = 0;
  nw->count = 1;
  if (!busiest)
    busiest = nw;
}

void tenant_feed(const char *line) {
  const char *start = line;
  for (const char *p = line;; p++) {
    if (*p == ' ' || *p == 0) {
      add_word(start, (size_t)(p - start));
      start = p + 1;
    }
    if (*p == 0)
      break;
  }
}

long tenant_total(void) { return total; }
int tenant_distinct(void) { return nwords; }
const char *tenant_busiest(int *count) {
  *count = busiest ? busiest->count : 0;
  return busiest ? busiest->text : greeting;
}
const char *tenant_first(void) { return nwords ? first->text : greeting; }

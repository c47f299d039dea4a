/* The demo's host side, built without orc.so: it plays the loader's part
 * with the test harness (two state instances, one capability table each)
 * and feeds two tenants different text through the same compiled code. */
#include "orc_harness.h"

#include <stdint.h>
#include <stdio.h>

void tenant_feed(const char *line);
long tenant_total(void);
int tenant_distinct(void);
const char *tenant_busiest(int *count);
const char *tenant_first(void);

static const char *text[2][3] = {
    {"the cat sat on the mat", "the dog sat too", "the end"},
    {"to be or not to be", "that is the question", "be brief"},
};

static void report(int t) {
  int count;
  orc_harness_enter(t);
  const char *w = tenant_busiest(&count);
  printf("  tenant %c: %ld words, %d distinct, first '%s', busiest '%s' x%d\n",
         'A' + t, tenant_total(), tenant_distinct(), tenant_first(), w, count);
}

int main(void) {
  if (orc_harness_init(2))
    return 1;
  printf("ORC pass demo: one copy of the code, two independent states\n\n");
  printf("  code  tenant_feed  at %p (shared by both tenants)\n",
         (void *)(uintptr_t)tenant_feed);
  printf("  state template     %zu bytes, mapped PROT_NONE\n",
         orc_harness_template_size());
  for (int t = 0; t < 2; t++)
    printf("  state of tenant %c  at %p\n", 'A' + t, orc_harness_instance(t));
  printf("\nFeeding the tenants line by line, alternating:\n");
  for (int line = 0; line < 3; line++)
    for (int t = 0; t < 2; t++) {
      orc_harness_enter(t); /* GS -> this tenant's capability table */
      tenant_feed(text[t][line]);
      printf("  tenant %c <- \"%s\"\n", 'A' + t, text[t][line]);
    }
  printf("\nWhat each tenant's state says afterwards:\n");
  report(0);
  report(1);
  return 0;
}

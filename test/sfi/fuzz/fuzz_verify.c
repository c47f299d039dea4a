/* libFuzzer target: orc_verify_text() on arbitrary bytes, as if loaded in
 * the code zone. It must return, never crash, read outside the input,
 * leak or hang (the sanitizers and libFuzzer watch for that). Its answer
 * must also be consistent: a refusal names an offset inside the text and
 * a rule of docs/sfi.md, and the same bytes at another bundle-aligned
 * address get the same answer unless a direct branch leaves the text
 * (the only rule that depends on the address). A violation aborts. */
#include "orc_verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void violated(const char *what) {
  fprintf(stderr, "fuzz_verify: %s\n", what);
  abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t len = size / 32 * 32;
  struct orc_verify_error a, b;
  int ra = orc_verify_text(data, len, 0x80000000u, NULL, 0, &a);
  int rb = orc_verify_text(data, len, 0xc0000000u, NULL, 0, &b);
  if (ra && (a.offset > len || !a.rule[0] || !memchr(a.rule, 0, sizeof a.rule)))
    violated("a refusal without an offset inside the text or a rule");
  if (ra != rb && !strstr(ra ? a.rule : b.rule, "B3: a direct branch outside"))
    violated("the answer depends on the load address");
  return 0;
}

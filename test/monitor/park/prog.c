// A cVM that leaves things behind, then one that looks for them in the
// same (parked, reused) window: test_park.c runs it twice.
//   prog w      maps a page, writes a secret there and into its state,
//               prints the page's address
//   prog r ADDR prints its state variable (its initial value again), then
//               loads the bytes at ADDR: nothing may be mapped there any
//               more, so the load faults and the cVM ends with 139; were
//               the old page still there, it would print the secret
#include "guest.h"

static char state[8] = "fresh";

int main(int argc, char **argv) {
  if (argc == 2 && argv[1][0] == 'w') {
    char *p = map_pages(1, PROT_READ | PROT_WRITE);
    for (int i = 0; i < 6; i++)
      p[i] = "secret"[i], state[i] = "dirty!"[i];
    out_num((long)p);
    out("\n");
    return 0;
  }
  if (argc == 3 && argv[1][0] == 'r') {
    long a = 0;
    for (const char *s = argv[2]; *s >= '0' && *s <= '9'; s++)
      a = a * 10 + (*s - '0');
    out(state);
    out("\n");
    volatile char *p = (volatile char *)a;
    char got[8] = {0};
    for (int i = 0; i < 6; i++)
      got[i] = p[i];
    out(got);
    out("\n");
    return 0;
  }
  return 2;
}

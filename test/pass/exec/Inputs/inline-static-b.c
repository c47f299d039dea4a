// Second translation unit for exec/inline-static.c, compiled as C++.
#include "inline-static.h"

extern "C" int take_c(void) {
  int t = next_ticket();
  ticket_sum() += t;
  return t;
}

extern "C" int total_taken(void) { return ticket_sum(); }

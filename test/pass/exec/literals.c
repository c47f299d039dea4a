// State pointing at shared data: pointers to string literals and to const
// tables stay pointing at the one shared copy (only state-to-state pointers
// move to the instance); a compound literal at file scope is state.
//
// RUN: %cc_orc -O0 -c %s -o %t.o0.o
// RUN: %cc_host -DORC_DRIVER -c %s -o %t.drv.o
// RUN: %link_harness %t.o0.o %t.drv.o -o %t.O0
// RUN: %t.O0 | FileCheck %s
// RUN: %cc_orc -O2 -c %s -o %t.o2.o
// RUN: %link_harness %t.o2.o %t.drv.o -o %t.O2
// RUN: %t.O2 | FileCheck %s

#ifdef ORC_DRIVER
#include "orc_harness.h"
#include <stdio.h>
const char *greeting(void);
void next_greeting(void);
int literal_get(int i);
void literal_set(int i, int v);
const int *primes_addr(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(1);
  next_greeting();
  literal_set(1, 22);
  orc_harness_enter(0);
  const char *g0 = greeting();
  const int *p0 = primes_addr();
  // CHECK: a: hello 1,2,3
  printf("a: %s %d,%d,%d\n", g0, literal_get(0), literal_get(1),
         literal_get(2));
  orc_harness_enter(1);
  const int *p1 = primes_addr();
  // CHECK-NEXT: b: world 1,22,3
  printf("b: %s %d,%d,%d\n", greeting(), literal_get(0), literal_get(1),
         literal_get(2));
  // The const table is shared and outside every instance.
  char *i0 = orc_harness_instance(0);
  // CHECK-NEXT: shared primes: 1 outside: 1 first=2
  printf("shared primes: %d outside: %d first=%d\n", p0 == p1,
         (const char *)p0 < i0 ||
             (const char *)p0 >= i0 + orc_harness_template_size(),
         p0[0]);
  return 0;
}
#else
static const char *const greetings[] = {"hello", "world"};
static const char *current = "hello";
static const int primes[] = {2, 3, 5, 7};
static const int *primes_ptr = primes;
static int *literal = (int[]){1, 2, 3};

const char *greeting(void) { return current; }
void next_greeting(void) { current = greetings[1]; }
int literal_get(int i) { return literal[i]; }
void literal_set(int i, int v) { literal[i] = v; }
const int *primes_addr(void) { return primes_ptr; }
#endif

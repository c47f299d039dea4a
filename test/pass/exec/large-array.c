// Arrays bigger than a page (.bss and .data), with a pointer to the far end
// of one: every page of each instance is the instance's own.
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
void big_set(int i, int v);
int big_get(int i);
int blob_get(int i);
void blob_set(int i, int v);
int end_get(void);
long big_sum(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  // CHECK: template >= 3 pages: 1
  printf("template >= 3 pages: %d\n", orc_harness_template_size() >= 3 * 4096);
  orc_harness_enter(0);
  big_set(0, 1);
  big_set(2500, 2);
  big_set(4999, 3);
  blob_set(9999, 4);
  orc_harness_enter(1);
  big_set(4999, 30);
  blob_set(0, 40);
  blob_set(5000, 50);
  for (int i = 0; i < 2; i++) {
    orc_harness_enter(i);
    // CHECK-NEXT: 0: big=1,2,3 end=3 sum=6 blob=9,0,4
    // CHECK-NEXT: 1: big=0,0,30 end=30 sum=30 blob=40,50,9
    printf("%d: big=%d,%d,%d end=%d sum=%ld blob=%d,%d,%d\n", i, big_get(0),
           big_get(2500), big_get(4999), end_get(), big_sum(), blob_get(0),
           blob_get(5000), blob_get(9999));
  }
  return 0;
}
#else
static int big[5000];                                  // .bss, ~5 pages
static char blob[10000] = {9, [5000] = 0, [9999] = 9}; // .data, ~2.5 pages
static int *const big_end = &big[4999];

void big_set(int i, int v) { big[i] = v; }
int big_get(int i) { return big[i]; }
int blob_get(int i) { return blob[i]; }
void blob_set(int i, int v) { blob[i] = (char)v; }
int end_get(void) { return *big_end; }

long big_sum(void) {
  long s = 0;
  for (int i = 0; i < 5000; i++)
    s += big[i];
  return s;
}
#endif

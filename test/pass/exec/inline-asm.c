// Inline asm with state in register ("r") and memory ("m", "=m", "+m")
// operands: the asm works on the running instance's copy.
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
void asm_inc(void);
void asm_store(long v);
long asm_load(void);
void asm_add_arr(int i, int v);
int arr_get(int i);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  asm_store(40);
  asm_inc();
  asm_inc();
  asm_add_arr(2, 5);
  orc_harness_enter(1);
  asm_inc();
  asm_add_arr(2, 7);
  asm_add_arr(2, 7);
  orc_harness_enter(0);
  // CHECK: a: 42 5
  printf("a: %ld %d\n", asm_load(), arr_get(2));
  orc_harness_enter(1);
  // CHECK-NEXT: b: 1 14
  printf("b: %ld %d\n", asm_load(), arr_get(2));
  return 0;
}
#else
static long counter;
static int arr[4];

void asm_inc(void) { __asm__ volatile("incq (%0)" ::"r"(&counter) : "memory"); }
void asm_store(long v) {
  __asm__ volatile("movq %1, %0" : "=m"(counter) : "r"(v));
}

long asm_load(void) {
  long v;
  __asm__ volatile("movq %1, %0" : "=r"(v) : "m"(counter));
  return v;
}

void asm_add_arr(int i, int v) {
  __asm__ volatile("addl %1, %0" : "+m"(arr[i]) : "r"(v));
}
int arr_get(int i) { return arr[i]; }
#endif

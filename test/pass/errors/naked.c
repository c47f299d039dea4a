// Refusal under clang: a naked function whose asm takes a state address.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s

// CHECK: error: orc: {{.*}}naked.c: naked function 'bump' uses state variable 'counter'; naked functions cannot load the cVM's delta

int counter;

__attribute__((naked)) void bump(void) {
  __asm__ volatile("incl (%0)\n\tret" ::"r"(&counter));
}

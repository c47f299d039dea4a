// Refusal under clang: inline asm that names a state variable in its text.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s

// CHECK: error: orc: {{.*}}inline asm names state variable 'counter' (defined at {{.*}}asm-names-state.c); pass its address as an operand instead

int counter;

void bump(void) { __asm__ volatile("incl counter(%%rip)" ::: "memory"); }

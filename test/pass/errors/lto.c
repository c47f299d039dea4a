// Refusal under clang: -flto and -flto=thin at -O0 and -O2.
// RUN: not %cc_orc -flto -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -flto -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -flto=thin -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -flto=thin -O2 -c %s -o /dev/null 2>&1 | FileCheck %s

// CHECK: error: orc: {{.*}}lto.c: -flto is not supported: link-time optimisation would run after the ORC rewrite without it

int x;
int get(void) { return x; }

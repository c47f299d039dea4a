// Refusal under clang: file-scope asm naming a state variable.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEBUG

// CHECK: error: orc: {{.*}}module-asm.c: module-level asm names state variable 'hits'
// DEBUG: error: orc: {{.*}}module-asm.c:[[@LINE+1]]: module-level asm names state variable 'hits'
int hits;

__asm__(".globl hits_alias\n.set hits_alias, hits");

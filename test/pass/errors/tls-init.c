// Refusal under clang: a thread-local pointer initialised with &state.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEBUG

// CHECK: error: orc: {{.*}}tls-init.c: thread-local variable 'cursor' is initialised with the address of 'buffer', which differs per cVM; initialise it at run time instead
// DEBUG: error: orc: {{.*}}tls-init.c:[[@LINE+2]]: thread-local variable 'cursor'
char buffer[64];
__thread char *cursor = buffer;

char *get(void) { return cursor; }

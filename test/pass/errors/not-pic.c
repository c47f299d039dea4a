// Refusal under clang: code built without -fPIC/-fPIE (the last -f flag wins).
// RUN: not %cc_orc -fno-pic -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -fno-pic -O2 -c %s -o /dev/null 2>&1 | FileCheck %s

// CHECK: error: orc: {{.*}}not-pic.c: ORC objects must be position-independent; compile with -fPIC or -fPIE

int x;
int get(void) { return x; }

// Refusal under clang: a global placed in a section of its own; with -g the
// error names the line of the definition.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O0 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEBUG
// RUN: not %cc_orc -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEBUG

// CHECK: error: orc: {{.*}}section.c: state variable 'config' has explicit section 'my_config'; ORC state must live in the orc_state template
// DEBUG: error: orc: {{.*}}section.c:[[@LINE+1]]: state variable 'config' has explicit section 'my_config'; ORC state must live in the orc_state template
int config __attribute__((section("my_config"))) = 3;

int get(void) { return config; }

// State is addressed PC-relative (lea sym(%rip), then + delta), never
// through the GOT, even for default-visibility, weak and common globals
// under -fPIC; external data is reached through its import cell, not
// through a GOT entry for the symbol.
//
// RUN: %cc_orc -O0 -S -o - %s | FileCheck %s
// RUN: %cc_orc -O2 -S -o - %s | FileCheck %s
// RUN: %cc_orc -O2 -fcommon -S -o - %s | FileCheck %s

int visible;
__attribute__((weak)) int weak_one = 1;
int common_one;
extern int elsewhere;

// CHECK-LABEL: touch:
// CHECK-NOT: GOTPCREL
// CHECK-DAG: {{visible|.Lvisible\$local}}(%rip)
// CHECK-DAG: {{weak_one|.Lweak_one\$local}}(%rip)
// CHECK-DAG: {{common_one|.Lcommon_one\$local}}(%rip)
// CHECK-DAG: __orc_imp.elsewhere(%rip)
// CHECK-NOT: GOTPCREL
// CHECK: .size touch
int touch(void) { return visible++ + weak_one++ + common_one++ + elsewhere++; }

// CHECK: .section orc_state,"aw",@progbits
// CHECK: .section orc_state,"awG",@progbits,__orc_imp.elsewhere,comdat
// CHECK-NEXT: .weak __orc_imp.elsewhere
// CHECK: __orc_imp.elsewhere:
// CHECK-NEXT: .quad elsewhere

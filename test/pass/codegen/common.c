// Under -fcommon, tentative definitions are common symbols; as state they
// must still be emitted into the orc_state template (zero-initialised:
// orc_state.zero, which the layout script appends to it), not as .comm (which
// the linker puts in .bss, outside the template).
//
// RUN: %cc_orc -fcommon -O0 -S -o - %s | FileCheck %s
// RUN: %cc_orc -fcommon -O2 -S -o - %s | FileCheck %s

int tentative;
int tentative_arr[16];

int touch(void) { return tentative++ + tentative_arr[3]++; }

// CHECK-NOT: .comm
// CHECK-NOT: .lcomm
// CHECK: .section orc_state.zero,"aw",@progbits
// CHECK-DAG: {{^}}tentative:
// CHECK-DAG: {{^}}tentative_arr:
// CHECK-NOT: .comm
// CHECK-NOT: .lcomm

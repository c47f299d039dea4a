// Extern data defined in a second ORC translation unit: this TU reaches it
// through import cells (including a const pointer and an array), the
// defining TU directly; both see the running instance's copy.
//
// RUN: %cc_orc -O0 -c %s -o %t.o0.o
// RUN: %cc_orc -O0 -c %S/Inputs/extern-data-def.c -o %t.def0.o
// RUN: %cc_host -DORC_DRIVER -c %s -o %t.drv.o
// RUN: %link_harness %t.o0.o %t.def0.o %t.drv.o -o %t.O0
// RUN: %t.O0 | FileCheck %s
// RUN: %cc_orc -O2 -c %s -o %t.o2.o
// RUN: %cc_orc -O2 -c %S/Inputs/extern-data-def.c -o %t.def2.o
// RUN: %link_harness %t.o2.o %t.def2.o %t.drv.o -o %t.O2
// RUN: %t.O2 | FileCheck %s
// Mixed: the user built at -O0, the definitions at -O2.
// RUN: %link_harness %t.o0.o %t.def2.o %t.drv.o -o %t.mixed
// RUN: %t.mixed | FileCheck %s

#ifdef ORC_DRIVER
#include "orc_harness.h"
#include <stdio.h>
int user_bump(int by);
int user_arr_sum(void);
void user_arr_set(int i, int v);
int user_via_ptr(void);
const char *user_name(void);
int def_counter(void);
int def_arr_sum(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  user_bump(5);
  user_arr_set(3, 30);
  orc_harness_enter(1);
  user_bump(7);
  user_bump(7);
  user_arr_set(0, 100);
  for (int i = 0; i < 2; i++) {
    orc_harness_enter(i);
    // CHECK: 0: user=6 def=6 ptr=6 arr=36 def_arr=36 name=extern
    // CHECK-NEXT: 1: user=15 def=15 ptr=15 arr=105 def_arr=105 name=extern
    printf("%d: user=%d def=%d ptr=%d arr=%d def_arr=%d name=%s\n", i,
           user_bump(0), def_counter(), user_via_ptr(), user_arr_sum(),
           def_arr_sum(), user_name());
  }
  return 0;
}
#else
extern int counter;
extern int arr[4];
extern int *const counter_ptr;
extern const char *const def_name;

int user_bump(int by) { return counter += by; }

int user_arr_sum(void) {
  int s = 0;
  for (int i = 0; i < 4; i++)
    s += arr[i];
  return s;
}

void user_arr_set(int i, int v) { arr[i] = v; }
int user_via_ptr(void) { return *counter_ptr; }
const char *user_name(void) { return def_name; }
#endif

// memcpy, memmove, memset and struct copies on state arrays (library calls
// and inline expansions), per instance.
//
// RUN: %cc_orc -O0 -c %s -o %t.o0.o
// RUN: %cc_host -DORC_DRIVER -c %s -o %t.drv.o
// RUN: %link_harness %t.o0.o %t.drv.o -o %t.O0
// RUN: %t.O0 | FileCheck %s
// RUN: %cc_orc -O2 -c %s -o %t.o2.o
// RUN: %link_harness %t.o2.o %t.drv.o -o %t.O2
// RUN: %t.O2 | FileCheck %s

#ifdef ORC_DRIVER
#include "orc_harness.h"
#include <stdio.h>
void fill(char c);
void copy(void);
void shift(void);
void copy_small(void);
void copy_struct(int v);
unsigned checksum(void);
int struct_sum(void);
int first_bytes(void);

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  fill(1);
  copy();
  copy_struct(2);
  orc_harness_enter(1);
  fill(3);
  copy();
  shift();
  copy_small();
  copy_struct(5);
  orc_harness_enter(0);
  // CHECK: a: sum=600 bytes=0x0101 struct=80
  printf("a: sum=%u bytes=0x%04x struct=%d\n", checksum(), first_bytes(),
         struct_sum());
  orc_harness_enter(1);
  // CHECK-NEXT: b: sum=1801 bytes=0x0007 struct=200
  printf("b: sum=%u bytes=0x%04x struct=%d\n", checksum(), first_bytes(),
         struct_sum());
  return 0;
}
#else
#include <string.h>

static char src[300];
static char dst[300];
static char tiny[8] = {7, 7, 7, 7, 7, 7, 7, 7};
struct big {
  int a[40];
};
static struct big s1, s2;

void fill(char c) { memset(src, c, sizeof src); }
void copy(void) { memcpy(dst, src, sizeof dst); }

// dst[0] = 0, dst[1..299] = old dst[0..298]
void shift(void) {
  memmove(dst + 1, dst, sizeof dst - 1);
  dst[0] = 0;
}

void copy_small(void) { memcpy(dst + 100, tiny, 1); }

void copy_struct(int v) {
  for (int i = 0; i < 40; i++)
    s1.a[i] = v;
  s2 = s1;
}

unsigned checksum(void) {
  unsigned s = 0;
  for (unsigned i = 0; i < sizeof src; i++)
    s += (unsigned char)src[i] + (unsigned char)dst[i];
  return s;
}

int struct_sum(void) {
  int s = 0;
  for (int i = 0; i < 40; i++)
    s += s2.a[i];
  return s;
}

int first_bytes(void) {
  return (unsigned char)dst[0] << 8 | (unsigned char)dst[100];
}
#endif

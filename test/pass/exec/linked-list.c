// Pointers in state to other state: a linked list built at compile time in
// static storage, and one built at run time from a static pool. Each
// instance's list links its own nodes.
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
int static_sum(void);
void static_set(int index, int value);
void push(int value);
int pop(void);
int stack_sum(void);
void *first_node(void);

static int own(void *p, int instance) {
  char *base = orc_harness_instance(instance);
  return (char *)p >= base && (char *)p < base + orc_harness_template_size();
}

int main(void) {
  if (orc_harness_init(2))
    return 1;
  orc_harness_enter(0);
  push(1);
  push(2);
  push(3);
  static_set(0, 10);
  orc_harness_enter(1);
  push(40);
  static_set(2, 300);
  orc_harness_enter(0);
  // CHECK: a: static=15 stack=6
  printf("a: static=%d stack=%d\n", static_sum(), stack_sum());
  orc_harness_enter(1);
  // CHECK-NEXT: b: static=302 stack=40
  printf("b: static=%d stack=%d\n", static_sum(), stack_sum());
  // CHECK-NEXT: b: pop=40 pop=-1 stack=0
  int p1 = pop();
  int p2 = pop();
  printf("b: pop=%d pop=%d stack=%d\n", p1, p2, stack_sum());
  orc_harness_enter(0);
  // CHECK-NEXT: a: pop=3 stack=3
  int p3 = pop();
  printf("a: pop=%d stack=%d\n", p3, stack_sum());
  void *a = first_node();
  orc_harness_enter(1);
  void *b = first_node();
  // CHECK-NEXT: own: 1 1
  printf("own: %d %d\n", own(a, 0), own(b, 1));
  return 0;
}
#else
struct node {
  int value;
  struct node *next;
};

// Built by the compiler: n0 -> n1 -> n2 -> null.
static struct node n2 = {3, 0};
static struct node n1 = {2, &n2};
static struct node n0 = {0, &n1};
static struct node *list = &n0;

// Built at run time from a pool.
static struct node pool[8];
static struct node *free_list;
static struct node *top;
static int pool_used;

int static_sum(void) {
  int sum = 0;
  for (struct node *n = list; n; n = n->next)
    sum += n->value;
  return sum;
}

void static_set(int index, int value) {
  struct node *n = list;
  while (index-- > 0)
    n = n->next;
  n->value = value;
}

static struct node *alloc_node(void) {
  if (free_list) {
    struct node *n = free_list;
    free_list = n->next;
    return n;
  }
  return &pool[pool_used++];
}

void push(int value) {
  struct node *n = alloc_node();
  n->value = value;
  n->next = top;
  top = n;
}

int pop(void) {
  if (!top)
    return -1;
  struct node *n = top;
  top = n->next;
  n->next = free_list;
  free_list = n;
  return n->value;
}

int stack_sum(void) {
  int sum = 0;
  for (struct node *n = top; n; n = n->next)
    sum += n->value;
  return sum;
}

void *first_node(void) { return list->next; }
#endif

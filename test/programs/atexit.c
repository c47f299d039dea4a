/* Constructors, destructors and atexit handlers, in order. */
#include <stdio.h>
#include <stdlib.h>

static int order;
__attribute__((constructor)) static void early(void) { order = 1; }
__attribute__((constructor(200))) static void earlier(void) { order *= 10; }
__attribute__((destructor)) static void late(void) { printf("destructor\n"); }
static void first(void) { printf("atexit first registered, runs last\n"); }
static void second(void) { printf("atexit second registered, runs first\n"); }

int main(void) {
  printf("constructors ran: order %d\n", order);
  atexit(first);
  atexit(second);
  printf("main returns 3\n");
  return 3;
}

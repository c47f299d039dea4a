/* A second cVM thread for the race cases: ORC_HC_THREAD_START with a stack
 * and TLS area of the attacker's own, fn(arg) running until *stop. */
#ifndef ORC_ESCAPE_RACE_H
#define ORC_ESCAPE_RACE_H
#include "attack.h"

static char race_stack[65536] __attribute__((aligned(64)));
static char race_tls[256] __attribute__((aligned(64)));

static inline long start_thread(void (*fn)(void *), void *arg) {
  return hc(1001, (long)fn, (long)arg, (long)(race_stack + sizeof race_stack),
            (long)race_tls, 0, 0);
}

static inline unsigned long now_ms(void) {
  struct { long s, ns; } t;
  HC3(228, 1, &t, 0); /* clock_gettime(CLOCK_MONOTONIC) */
  return (unsigned long)t.s * 1000 + (unsigned long)t.ns / 1000000;
}

static inline __attribute__((noreturn)) void thread_exit(void) {
  HC3(60, 0, 0, 0);
  __builtin_unreachable();
}
#endif

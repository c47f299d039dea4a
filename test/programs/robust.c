/* Robust mutexes: a thread that exits holding one leaves it to the next
 * locker with EOWNERDEAD (private and process-shared alike; a waiter
 * blocked meanwhile is woken); pthread_mutex_consistent makes it usable,
 * and one left inconsistent is ENOTRECOVERABLE. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t m;
static volatile int locked;

static void *holder(void *arg) {
  pthread_mutex_lock(&m);
  locked = 1;
  if (arg)
    usleep(100000); /* the main thread blocks on it meanwhile */
  return NULL;      /* exits holding it */
}

static void run(const char *what, int pshared, int wait) {
  pthread_mutexattr_t a;
  pthread_t t;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutexattr_setpshared(&a, pshared ? PTHREAD_PROCESS_SHARED
                                           : PTHREAD_PROCESS_PRIVATE);
  pthread_mutex_init(&m, &a);
  locked = 0;
  pthread_create(&t, NULL, holder, wait ? &m : NULL);
  if (wait)
    while (!locked)
      sched_yield();
  else
    pthread_join(t, NULL);
  int r = pthread_mutex_lock(&m);
  printf("%s: lock: %s\n", what, r ? strerror(r) : "ok");
  if (wait)
    pthread_join(t, NULL);
  r = pthread_mutex_consistent(&m);
  printf("%s: consistent: %s\n", what, r ? strerror(r) : "ok");
  pthread_mutex_unlock(&m);
  r = pthread_mutex_lock(&m);
  printf("%s: lock again: %s\n", what, r ? strerror(r) : "ok");
  pthread_mutex_unlock(&m);
  pthread_mutex_destroy(&m);
}

int main(void) {
  run("private", 0, 0);
  run("private, waiting", 0, 1);
  run("shared", 1, 0);
  run("shared, waiting", 1, 1);
  /* Left inconsistent: unrecoverable. */
  pthread_mutexattr_t a;
  pthread_t t;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&m, &a);
  pthread_create(&t, NULL, holder, NULL);
  pthread_join(t, NULL);
  int r = pthread_mutex_lock(&m);
  printf("inconsistent: lock: %s\n", r ? strerror(r) : "ok");
  pthread_mutex_unlock(&m);
  r = pthread_mutex_lock(&m);
  printf("inconsistent: lock again: %s\n", r ? strerror(r) : "ok");
  return 0;
}

/* Priority-inheritance mutexes (PTHREAD_PRIO_INHERIT, FUTEX_LOCK_PI and
 * FUTEX_UNLOCK_PI under musl's): contended locking keeps mutual exclusion,
 * trylock of a held one is EBUSY, a timed lock of a held one times out,
 * an error-checking one relocked is EDEADLK and unlocked by another thread
 * EPERM, and a robust one whose owner exited is EOWNERDEAD. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t m;
static long counter;
static volatile int held, release;

static void init(int type, int robust) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  int r = pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
  if (r)
    printf("setprotocol: %s\n", strerror(r));
  pthread_mutexattr_settype(&a, type);
  if (robust)
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&m, &a);
}

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 20000; i++) {
    pthread_mutex_lock(&m);
    long c = counter;
    if (i % 64 == 0)
      sched_yield(); /* let the others contend */
    counter = c + 1;
    pthread_mutex_unlock(&m);
  }
  return NULL;
}

static void *hold(void *arg) {
  pthread_mutex_lock(&m);
  held = 1;
  while (!release && !arg)
    sched_yield();
  if (!arg)
    pthread_mutex_unlock(&m);
  return NULL; /* with arg: exits holding it */
}

static void *other_unlock(void *arg) {
  (void)arg;
  int r = pthread_mutex_unlock(&m);
  printf("unlock by another thread: %s\n", r ? strerror(r) : "ok");
  return NULL;
}

int main(void) {
  pthread_t t[4];
  init(PTHREAD_MUTEX_NORMAL, 0);
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  printf("4 threads x 20000 increments: %ld\n", counter);

  held = release = 0;
  pthread_create(&t[0], NULL, hold, NULL);
  while (!held)
    sched_yield();
  int r = pthread_mutex_trylock(&m);
  printf("trylock of a held one: %s\n", r ? strerror(r) : "ok");
  struct timespec at;
  clock_gettime(CLOCK_REALTIME, &at);
  at.tv_nsec += 50000000;
  if (at.tv_nsec >= 1000000000)
    at.tv_sec++, at.tv_nsec -= 1000000000;
  r = pthread_mutex_timedlock(&m, &at);
  printf("timed lock of a held one: %s\n", r ? strerror(r) : "ok");
  release = 1;
  r = pthread_mutex_lock(&m);
  printf("lock after its release: %s\n", r ? strerror(r) : "ok");
  pthread_mutex_unlock(&m);
  pthread_join(t[0], NULL);
  pthread_mutex_destroy(&m);

  init(PTHREAD_MUTEX_ERRORCHECK, 0);
  pthread_mutex_lock(&m);
  r = pthread_mutex_lock(&m);
  printf("errorcheck relock: %s\n", r ? strerror(r) : "ok");
  pthread_create(&t[0], NULL, other_unlock, NULL);
  pthread_join(t[0], NULL);
  r = pthread_mutex_unlock(&m);
  printf("unlock by its owner: %s\n", r ? strerror(r) : "ok");
  pthread_mutex_destroy(&m);

  init(PTHREAD_MUTEX_NORMAL, 1);
  held = 0;
  pthread_create(&t[0], NULL, hold, &m);
  pthread_join(t[0], NULL);
  r = pthread_mutex_lock(&m);
  printf("robust, owner exited: %s\n", r ? strerror(r) : "ok");
  pthread_mutex_consistent(&m);
  pthread_mutex_unlock(&m);
  r = pthread_mutex_lock(&m);
  printf("robust, after consistent: %s\n", r ? strerror(r) : "ok");
  pthread_mutex_unlock(&m);
  return 0;
}

/* pthread_kill to another thread with a handler installed: the handler
 * runs on that thread, while it waits in a hostcall (a futex) and while
 * it spins in user code without any. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_t target;
static volatile int ran_on_target, count, spin_go, stop;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready, done;

static void handler(int sig) {
  (void)sig;
  ran_on_target = pthread_equal(pthread_self(), target);
  count++;
}

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&m);
  ready = 1;
  pthread_cond_broadcast(&cv);
  while (!done)
    pthread_cond_wait(&cv, &m); /* a futex wait: interrupted, resumed */
  pthread_mutex_unlock(&m);
  while (!spin_go)
    ;
  while (count < 2 && !stop)
    ; /* no hostcall here: the signal must come in anyway */
  return NULL;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &sa, NULL);
  pthread_create(&target, NULL, worker, NULL);
  pthread_mutex_lock(&m);
  while (!ready)
    pthread_cond_wait(&cv, &m);
  pthread_mutex_unlock(&m);
  usleep(20000); /* let it sleep in the wait */
  pthread_kill(target, SIGUSR1);
  while (count < 1)
    usleep(1000);
  printf("waiting thread: handler ran %d time(s), on the target %d\n", count,
         ran_on_target);
  pthread_mutex_lock(&m);
  done = 1;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&m);
  spin_go = 1;
  usleep(20000);
  pthread_kill(target, SIGUSR1);
  for (int i = 0; i < 5000 && count < 2; i++)
    usleep(1000);
  stop = 1;
  pthread_join(target, NULL);
  printf("spinning thread: handler ran %d time(s), on the target %d\n", count,
         ran_on_target);
  printf("pthread_kill with 0: %d\n", pthread_kill(pthread_self(), 0));
  return 0;
}

/* Asynchronous pthread_cancel of a thread spinning in user code (no
 * cancellation point, no hostcall), and deferred cancellation of one
 * blocked in a cancellation point. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile unsigned long spins;
static volatile int started;

static void *spinner(void *arg) {
  (void)arg;
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
  started = 1;
  for (;;)
    spins++;
  return NULL;
}

static void *sleeper(void *arg) {
  int fd = *(int *)arg;
  char c;
  started = 1;
  read(fd, &c, 1); /* blocks: a cancellation point */
  return NULL;
}

int main(void) {
  pthread_t t;
  void *res;
  pthread_create(&t, NULL, spinner, NULL);
  while (!started || spins < 1000)
    ;
  pthread_cancel(t);
  pthread_join(t, &res);
  printf("spinning thread cancelled: %d\n", res == PTHREAD_CANCELED);
  int fds[2];
  pipe(fds);
  started = 0;
  pthread_create(&t, NULL, sleeper, &fds[0]);
  while (!started)
    ;
  usleep(20000);
  pthread_cancel(t);
  pthread_join(t, &res);
  printf("blocked thread cancelled: %d\n", res == PTHREAD_CANCELED);
  return 0;
}

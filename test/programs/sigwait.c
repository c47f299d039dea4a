/* sigwaitinfo and sigtimedwait take a blocked pending signal without a
 * handler running; sigsuspend waits with a temporary mask, runs the
 * handler and restores the mask; a signal from another thread wakes it. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static volatile int ran;
static pthread_t main_thread;

static void handler(int sig) { ran += sig == SIGUSR1; }

static void *poke(void *arg) {
  (void)arg;
  usleep(20000);
  pthread_kill(main_thread, SIGUSR1);
  return NULL;
}

int main(void) {
  sigset_t set, empty, cur;
  siginfo_t si;
  signal(SIGUSR1, handler);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigemptyset(&empty);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR1);
  int s = sigwaitinfo(&set, &si);
  printf("sigwaitinfo: %d (SIGUSR1 %d), code SI_TKILL %d, handler ran %d\n", s,
         SIGUSR1, si.si_code == SI_TKILL, ran);
  struct timespec ts = {0, 10 * 1000 * 1000};
  s = sigtimedwait(&set, &si, &ts);
  printf("sigtimedwait with none pending: %d, EAGAIN %d\n", s, errno == EAGAIN);
  main_thread = pthread_self();
  pthread_t t;
  pthread_create(&t, NULL, poke, NULL);
  s = sigsuspend(&empty);
  printf("sigsuspend: %d, EINTR %d, handler ran %d\n", s, errno == EINTR, ran);
  pthread_join(t, NULL);
  sigprocmask(SIG_SETMASK, NULL, &cur);
  printf("blocked again after sigsuspend: %d\n", sigismember(&cur, SIGUSR1));
  return 0;
}

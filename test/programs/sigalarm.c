/* SIGALRM from setitimer and alarm: a one-shot timer waited for with
 * pause, an interval timer counted with sigsuspend, one that fires while
 * the program spins without a system call, getitimer and alarm's
 * remaining time. */
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

static volatile int rang;

static void on_alarm(int sig) { rang += sig == SIGALRM; }

int main(void) {
  signal(SIGALRM, on_alarm);
  struct itimerval it = {{0, 0}, {0, 20000}}, cur;
  setitimer(ITIMER_REAL, &it, NULL);
  getitimer(ITIMER_REAL, &cur);
  printf("armed: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 0 &&
                            cur.it_value.tv_usec <= 20000);
  while (!rang)
    pause();
  getitimer(ITIMER_REAL, &cur);
  printf("one-shot: rang %d, disarmed %d\n", rang,
         cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);
  sigset_t block, empty;
  sigemptyset(&block);
  sigaddset(&block, SIGALRM);
  sigemptyset(&empty);
  sigprocmask(SIG_BLOCK, &block, NULL);
  rang = 0;
  it = (struct itimerval){{0, 10000}, {0, 10000}};
  setitimer(ITIMER_REAL, &it, NULL);
  while (rang < 3)
    sigsuspend(&empty);
  it = (struct itimerval){{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &it, &cur);
  printf("interval: rang %d, interval was %ld us\n", rang, (long)cur.it_interval.tv_usec);
  sigprocmask(SIG_UNBLOCK, &block, NULL);
  rang = 0;
  it = (struct itimerval){{0, 0}, {0, 20000}};
  setitimer(ITIMER_REAL, &it, NULL);
  while (!rang)
    ; /* no system call: the signal comes in anyway */
  printf("while spinning: rang %d\n", rang);
  unsigned first = alarm(100), left = alarm(0);
  printf("alarm: %u, then %u left\n", first, left);
  return 0;
}

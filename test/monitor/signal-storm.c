/* A signal storm inside one cVM: two threads signal each other (each
 * signal acknowledged before the next, so that the counts are exact),
 * one of them spinning in user code between hostcalls, and real-time
 * signals queued to the cVM while every thread blocks them; built with orc-cc (libc) for
 * signal-deploy-test, which runs it beside other cVMs. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ROUNDS 3000

static volatile int got_b, got_main, rt_got, stop;
static pthread_t main_thread, b;

static void on_usr1(int sig) { (void)sig; got_b++; }
static void on_usr2(int sig) { (void)sig; got_main++; }
static volatile int rt_in_order = 1, rt_last;
static void on_rt(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  rt_in_order &= si->si_value.sival_int == rt_last + 1;
  rt_last = si->si_value.sival_int;
  rt_got++;
}

static void *thread_b(void *arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; i++) {
    while (got_main < i)
      ; /* spins: signals come in without a hostcall */
    pthread_kill(main_thread, SIGUSR2);
  }
  while (!stop)
    sched_yield();
  return NULL;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  sa.sa_handler = on_usr2;
  sigaction(SIGUSR2, &sa, NULL);
  sa.sa_sigaction = on_rt;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGRTMIN + 1, &sa, NULL);
  main_thread = pthread_self();
  sigset_t rt;
  sigemptyset(&rt);
  sigaddset(&rt, SIGRTMIN + 1);
  sigprocmask(SIG_BLOCK, &rt, NULL); /* b blocks it too */
  pthread_create(&b, NULL, thread_b, NULL);
  for (int i = 0; i < ROUNDS; i++) {
    pthread_kill(b, SIGUSR1);
    while (got_b <= i)
      sched_yield();
    while (got_main <= i)
      ;
  }
  /* Queued while every thread blocks it, delivered in order when main
   * unblocks it. */
  for (int i = 1; i <= 50; i++)
    sigqueue(getpid(), SIGRTMIN + 1, (union sigval){.sival_int = i});
  int before = rt_got;
  sigprocmask(SIG_UNBLOCK, &rt, NULL);
  stop = 1;
  pthread_join(b, NULL);
  printf("storm: thread b took %d of %d, main took %d of %d\n", got_b, ROUNDS,
         got_main, ROUNDS);
  printf("queued: %d before unblocking, %d of 50 after, in order %d\n", before,
         rt_got, rt_in_order);
  return 0;
}

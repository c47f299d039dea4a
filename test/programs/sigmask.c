/* SIGUSR1 blocked by sigprocmask: raised, it stays pending (sigpending)
 * and is delivered when unblocked, not before. pthread_sigmask alike. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile int got;

static void handler(int sig) { got += sig == SIGUSR1; }

int main(void) {
  sigset_t set, old, pend;
  signal(SIGUSR1, handler);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  printf("blocked before: %d\n", sigismember(&old, SIGUSR1));
  raise(SIGUSR1);
  raise(SIGUSR1); /* a standard signal is pending once */
  printf("after raise while blocked: delivered %d\n", got);
  sigpending(&pend);
  printf("pending: %d\n", sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  printf("after unblocking: delivered %d\n", got);
  sigpending(&pend);
  printf("pending now: %d\n", sigismember(&pend, SIGUSR1));
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR1);
  printf("pthread_sigmask blocked: delivered %d\n", got);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  printf("pthread_sigmask restored: delivered %d\n", got);
  sigset_t cur;
  sigprocmask(SIG_SETMASK, NULL, &cur);
  printf("blocked at the end: %d\n", sigismember(&cur, SIGUSR1));
  /* SIGKILL and SIGSTOP cannot be blocked. */
  sigfillset(&set);
  sigprocmask(SIG_SETMASK, &set, NULL);
  sigprocmask(SIG_SETMASK, NULL, &cur);
  printf("SIGKILL blocked %d, SIGSTOP blocked %d, SIGTERM blocked %d\n",
         sigismember(&cur, SIGKILL), sigismember(&cur, SIGSTOP),
         sigismember(&cur, SIGTERM));
  return 0;
}

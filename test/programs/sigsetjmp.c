/* sigsetjmp(env, 1) saves the mask, siglongjmp restores it (musl does
 * this through sigprocmask); sigsetjmp(env, 0) leaves the mask alone. A
 * jump out of a handler restores the mask the handler blocked. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static sigjmp_buf env;

static int blocked(int sig) {
  sigset_t cur;
  sigprocmask(SIG_SETMASK, NULL, &cur);
  return sigismember(&cur, sig);
}

static void handler(int sig) {
  printf("in the handler, USR2 blocked %d\n", blocked(SIGUSR2));
  siglongjmp(env, sig);
}

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  if (sigsetjmp(env, 1) == 0) {
    sigprocmask(SIG_BLOCK, &set, NULL);
    printf("blocked before the jump: %d\n", blocked(SIGUSR1));
    siglongjmp(env, 1);
  }
  printf("savemask 1: blocked after the jump: %d\n", blocked(SIGUSR1));
  if (sigsetjmp(env, 0) == 0) {
    sigprocmask(SIG_BLOCK, &set, NULL);
    siglongjmp(env, 1);
  }
  printf("savemask 0: blocked after the jump: %d\n", blocked(SIGUSR1));
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  signal(SIGUSR2, handler);
  int r = sigsetjmp(env, 1);
  if (r == 0)
    raise(SIGUSR2);
  printf("out of the handler by %d, USR2 blocked %d\n", r, blocked(SIGUSR2));
  return 0;
}

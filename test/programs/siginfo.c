/* SA_SIGINFO: si_signo, si_code and si_pid of raise (SI_TKILL), kill
 * (SI_USER) and sigqueue (SI_QUEUE with its value); a real-time signal;
 * the ucontext's mask and FP state. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int signo, code, pid_ok, value, usr2_blocked, fp_ok;

static void handler(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  signo = si->si_signo == sig ? sig : -1;
  code = si->si_code;
  pid_ok = si->si_pid == getpid();
  value = si->si_code == SI_QUEUE ? si->si_value.sival_int : 0;
  /* the mask in force in the handler has sa_mask; uc's is the one before */
  sigset_t cur;
  sigprocmask(SIG_SETMASK, NULL, &cur);
  usr2_blocked = sigismember(&cur, SIGUSR2) * 10 + sigismember(&uc->uc_sigmask, SIGUSR2);
  /* the FP state, as far as a program reads it: MXCSR's exception masks */
  fp_ok = uc->uc_mcontext.fpregs &&
          (uc->uc_mcontext.fpregs->mxcsr & 0x1f80) == 0x1f80;
}

static const char *name(int c) {
  return c == SI_USER ? "SI_USER" : c == SI_TKILL ? "SI_TKILL"
         : c == SI_QUEUE ? "SI_QUEUE" : "other";
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGUSR2);
  sigaction(SIGUSR1, &sa, NULL);
  sigaction(SIGRTMIN + 2, &sa, NULL);
  raise(SIGUSR1);
  printf("raise: signo %d code %s pid %d; USR2 blocked in/before %d\n", signo,
         name(code), pid_ok, usr2_blocked);
  kill(getpid(), SIGUSR1);
  printf("kill: signo %d code %s pid %d\n", signo, name(code), pid_ok);
  sigqueue(getpid(), SIGUSR1, (union sigval){.sival_int = 42});
  printf("sigqueue: signo %d code %s pid %d value %d\n", signo, name(code),
         pid_ok, value);
  raise(SIGRTMIN + 2);
  printf("real-time: signo is SIGRTMIN+2 %d code %s\n", signo == SIGRTMIN + 2,
         name(code));
  printf("fpregs with MXCSR: %d\n", fp_ok);
  return 0;
}

/* A SIGSEGV handler that siglongjmps out of a deliberate fault (a store
 * into a PROT_NONE page), many times over; the address and code it is
 * told; SIGFPE from a division by zero the same way. (Without a handler
 * the fault ends the cVM as before: monitor case segfault.) */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf env;
static void *volatile fault_addr;
static volatile int fault_code, fault_sig;

static void handler(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  fault_sig = sig;
  fault_addr = si->si_addr;
  fault_code = si->si_code;
  siglongjmp(env, 1);
}

static char *page;
static volatile int inner;

/* Faults caught and left 100 times inside a handler that then returns. */
static void on_usr1(int sig) {
  (void)sig;
  for (int i = 0; i < 100; i++)
    if (sigsetjmp(env, 1) == 0)
      *(volatile char *)(page + i) = 1;
    else
      inner++;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGFPE, &sa, NULL);
  char *p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int caught = 0;
  for (int i = 0; i < 1000; i++) {
    if (sigsetjmp(env, 1) == 0) {
      *(volatile char *)(p + i) = 1;
      printf("no fault\n");
    } else {
      caught += fault_addr == p + i && fault_sig == SIGSEGV;
    }
  }
  printf("caught %d faults at the right address, code ACCERR %d\n", caught,
         fault_code == SEGV_ACCERR);
  volatile int zero = 0, x = 7;
  if (sigsetjmp(env, 1) == 0)
    x = x / zero;
  printf("SIGFPE %d, code INTDIV %d\n", fault_sig == SIGFPE,
         fault_code == FPE_INTDIV);
  page = p;
  signal(SIGUSR1, on_usr1);
  raise(SIGUSR1);
  printf("inside a handler: caught %d, and it returned\n", inner);
  return 0;
}

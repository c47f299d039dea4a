/* sigaltstack with SA_ONSTACK: the handler runs on the alternate stack
 * (and says so through sigaltstack's SS_ONSTACK); without the flag, on
 * the ordinary stack. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *alt;
static size_t alt_size = 64 * 1024;
static volatile int on_alt, onstack_flag;

static void handler(int sig) {
  char here;
  stack_t ss;
  (void)sig;
  on_alt = (uintptr_t)&here >= (uintptr_t)alt &&
           (uintptr_t)&here < (uintptr_t)alt + alt_size;
  sigaltstack(NULL, &ss);
  onstack_flag = (ss.ss_flags & SS_ONSTACK) != 0;
}

int main(void) {
  alt = malloc(alt_size);
  stack_t ss = {.ss_sp = alt, .ss_size = alt_size, .ss_flags = 0}, old;
  if (sigaltstack(&ss, &old))
    return perror("sigaltstack"), 1;
  printf("old stack disabled: %d\n", (old.ss_flags & SS_DISABLE) != 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("SA_ONSTACK: on the alternate stack %d, SS_ONSTACK %d\n", on_alt,
         onstack_flag);
  sa.sa_flags = 0;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("no SA_ONSTACK: on the alternate stack %d, SS_ONSTACK %d\n", on_alt,
         onstack_flag);
  ss.ss_size = 100;
  printf("too small: %d\n", sigaltstack(&ss, NULL) == -1);
  ss.ss_flags = SS_DISABLE;
  printf("disable: %d\n", sigaltstack(&ss, NULL));
  sigaltstack(NULL, &old);
  printf("disabled: %d\n", (old.ss_flags & SS_DISABLE) != 0);
  return 0;
}

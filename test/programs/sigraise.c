/* A handler run by raise(SIGINT), and the default action of a signal
 * with no handler left alone while it is ignored. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile sig_atomic_t got;

static void on_int(int sig) { got = sig; }

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_int;
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGINT, &sa, NULL))
    return perror("sigaction"), 1;
  printf("raise: %d\n", raise(SIGINT));
  printf("handler ran with %d (SIGINT %d)\n", got, SIGINT);
  got = 0;
  signal(SIGINT, SIG_IGN);
  raise(SIGINT);
  printf("ignored: handler ran %d\n", got);
  signal(SIGINT, on_int);
  raise(SIGINT);
  raise(SIGINT);
  printf("again: %d\n", got);
  /* SA_RESETHAND: once, then the default (here: back to ignoring). */
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGUSR2, &sa, NULL);
  got = 0;
  raise(SIGUSR2);
  struct sigaction now;
  sigaction(SIGUSR2, NULL, &now);
  printf("resethand: ran %d, now default %d\n", got, now.sa_handler == SIG_DFL);
  fflush(stdout);
  signal(SIGTERM, SIG_DFL);
  raise(SIGTERM); /* ends the program: status 128 + 15 */
  printf("not reached\n");
  return 0;
}

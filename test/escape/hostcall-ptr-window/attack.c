/* Hostcalls handed pointers into the victim's window: write(1, secret, 32)
 * to print the victim's secret; getcwd, clock_gettime, uname and read
 * into it to overwrite it. The monitor folds every pointer to W + its low
 * 32 bits of the calling cVM (guest.c). Must be contained: the calls reach
 * the attacker's own window at the secret's offset (EFAULT where that is
 * unmapped), never the victim's: the victim's secret is neither printed
 * nor changed. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long p = victim_secret(argv);
  say("write: ", (unsigned long)HC3(1, 1, p, 32));
  out("\n");
  say("getcwd: ", (unsigned long)HC3(79, p, 32, 0));
  say("clock_gettime: ", (unsigned long)HC3(228, 0, p, 0));
  say("uname: ", (unsigned long)HC3(63, p, 0, 0));
  say("getrandom: ", (unsigned long)HC3(318, p, 32, 0));
  end(0);
}

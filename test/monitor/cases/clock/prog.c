// A cVM reads wall and monotonic time, its own thread's CPU time and its
// own process CPU time (the sum of its threads': between two readings of
// its one thread's clock); the CPU clocks of the monitor process, of
// another thread (the monitor's main thread: argv[1] is the monitor's pid,
// which is its tid) and of other processes would tell it what other
// tenants use: EINVAL, as for a clock that does not exist.
#include "rt.h"
struct ts { long s, ns; };
static void try(const char *what, long id) {
  struct ts t = {-1, -1};
  long r = hc(228, id, (long)&t, 0, 0, 0, 0); /* clock_gettime */
  out(what);
  out(r == 0 && t.s >= 0 ? ": ok" : r == -22 ? ": EINVAL" : ": other");
  r = hc(229, id, (long)&t, 0, 0, 0, 0); /* clock_getres */
  out(r == 0 ? ", res ok\n" : r == -22 ? ", res EINVAL\n" : ", res other\n");
}
int main(int argc, char **argv) {
  long pid = 0;
  for (const char *p = argv[1]; *p; p++)
    pid = pid * 10 + (*p - '0');
  try("CLOCK_REALTIME", 0);
  try("CLOCK_MONOTONIC", 1);
  try("CLOCK_BOOTTIME", 7);
  try("CLOCK_THREAD_CPUTIME_ID", 3);
  try("own thread by tid", (-1 - 1) * 8 + 6);
  try("CLOCK_PROCESS_CPUTIME_ID", 2);
  try("the process, by pid 0", (-0 - 1) * 8 + 2);
  struct ts a, p, b;
  hc(228, 3, (long)&a, 0, 0, 0, 0);
  hc(228, 2, (long)&p, 0, 0, 0, 0);
  hc(228, 3, (long)&b, 0, 0, 0, 0);
  long an = a.s * 1000000000 + a.ns, pn = p.s * 1000000000 + p.ns,
       bn = b.s * 1000000000 + b.ns;
  out(an <= pn && pn <= bn ? "process CPU time is the cVM's own\n"
                           : "process CPU time is not the cVM's\n");
  try("the monitor's main thread", (-pid - 1) * 8 + 6);
  try("the monitor, by pid", (-pid - 1) * 8 + 2);
  try("the cVM by its pid 1", (-1 - 1) * 8 + 2);
  return 0;
}

/* Host side of the pass-overhead benchmark, built without orc.so (-fPIE).
 *
 * Linked with one workload object, built either plainly (baseline) or
 * with orc.so (-DORC_BUILD). The ORC build must first give the workload a
 * capability table: orc_harness_init() makes one state instance and
 * orc_harness_enter() points GS at its table. Everything before
 * workload_run() is set-up that the measurement leaves out (the run
 * script counts instructions inside workload_run only).
 *
 * Usage: driver [iterations]   (default: the workload's own count)
 * Prints: checksum <16 hex digits> iterations <n> */
#include <stdio.h>
#include <stdlib.h>

#ifdef ORC_BUILD
#include "orc_harness.h"
#endif

unsigned long workload_run(unsigned iterations);
/* Defined by each workload: its iteration count for ~100M instructions.
 * Constant data free of state addresses, so shared, not rewritten. */
extern const unsigned workload_iterations;

int main(int argc, char **argv) {
  unsigned iterations = workload_iterations;
  if (argc > 1) {
    char *end;
    unsigned long n = strtoul(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end != '\0' || n == 0 || n > 1000000) {
      fprintf(stderr, "usage: %s [iterations (1..1000000)]\n", argv[0]);
      return 2;
    }
    iterations = (unsigned)n;
  }
#ifdef ORC_BUILD
  if (orc_harness_init(1))
    return 1;
  orc_harness_enter(0);
#endif
  unsigned long sum = workload_run(iterations);
  printf("checksum %016lx iterations %u\n", sum, iterations);
  return 0;
}

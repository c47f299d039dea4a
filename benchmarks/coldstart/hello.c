/* The cold-start workload: start, print one line, exit. */
#include <stdio.h>

int main(void) {
  printf("hello\n");
  return 0;
}

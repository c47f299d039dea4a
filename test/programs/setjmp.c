/* setjmp/longjmp across frames, and with saved signal masks. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;
static int depth;

static void dive(int n) {
  depth = n;
  if (n == 5)
    longjmp(env, n * 10);
  dive(n + 1);
}

int main(void) {
  volatile int rounds = 0;
  int r = setjmp(env);
  rounds++;
  if (r == 0)
    dive(0);
  printf("returned %d after depth %d, rounds %d\n", r, depth, rounds);
  sigjmp_buf sj;
  if (!sigsetjmp(sj, 1))
    siglongjmp(sj, 7);
  printf("siglongjmp done\n");
  return 0;
}

/* What a newcomer's program sees: its arguments, its cwd and PATH. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv) {
  char cwd[4096];
  for (int i = 1; i < argc; i++)
    printf("arg %s\n", argv[i]);
  printf("cwd %s\n", getcwd(cwd, sizeof cwd) ? cwd : "(none)");
  printf("PATH %s\n", getenv("PATH") ? getenv("PATH") : "(none)");
  return 3;
}

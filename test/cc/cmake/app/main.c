#include <foo.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  printf("%s: %d args\n", APP_NAME, argc - 1);
  for (int i = 1; i < argc; i++)
    foo_put(atoi(argv[i]));
  printf("slots %d, sum %d\n", FOO_SLOTS, foo_sum());
  puts(foo_say("hello"));
  int a = foo_tls_bump();
  int b = foo_tls_bump();
  printf("tls %d %d\n", a, b);
  return 0;
}

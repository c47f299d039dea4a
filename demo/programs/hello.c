/* The smallest tenant: greets, says which replica it is, exits. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  printf("hello from replica %s of %s\n", argc > 1 ? argv[1] : "?",
         getenv("IMAGE") ? getenv("IMAGE") : "an image");
  return 0;
}

/* getopt over argv. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int c;
  while ((c = getopt(argc, argv, "ab:c")) != -1)
    printf("option %c %s\n", c, optarg ? optarg : "");
  for (int i = optind; i < argc; i++)
    printf("operand %s\n", argv[i]);
  return 0;
}

/* The environment: what the program was given, and changes to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(void) {
  for (char **e = environ; *e; e++)
    if (!strncmp(*e, "ORC_T_", 6))
      printf("env %s\n", *e);
  printf("get %s\n", getenv("ORC_T_A") ? getenv("ORC_T_A") : "(none)");
  setenv("ORC_T_NEW", "fresh", 1);
  setenv("ORC_T_A", "kept", 0);
  printf("after setenv %s %s\n", getenv("ORC_T_NEW"), getenv("ORC_T_A"));
  unsetenv("ORC_T_A");
  printf("after unsetenv %s\n", getenv("ORC_T_A") ? "present" : "gone");
  putenv("ORC_T_PUT=yes");
  printf("putenv %s\n", getenv("ORC_T_PUT"));
  return 0;
}

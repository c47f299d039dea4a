/* Prints the address of a function of libc and of a string literal of
 * libc (strerror's text): shared things, the same in every cVM. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  printf("%p %p\n", (void *)&printf, (void *)strerror(EINVAL));
  return 0;
}

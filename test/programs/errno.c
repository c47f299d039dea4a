/* errno and its messages after failing calls. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  errno = 0;
  int fd = open("does/not/exist", O_RDONLY);
  printf("open %d errno %d %s\n", fd, errno, strerror(errno));
  errno = 0;
  int r = close(999);
  printf("close %d errno %d %s\n", r, errno, strerror(errno));
  errno = 0;
  FILE *f = fopen("/no-such-dir/x", "w");
  printf("fopen %s errno %d\n", f ? "ok" : "NULL", errno);
  perror("perror says");
  errno = ERANGE;
  printf("%s\n", strerror(ERANGE));
  return 0;
}

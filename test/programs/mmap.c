/* File mappings: a shared one sees later writes to the file and writes
 * through to it; a private one is copy-on-write; munmap gives the memory
 * back. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
  int fd = open("shmap.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
  pwrite(fd, "AAAA", 4, 0);
  ftruncate(fd, 4096);
  char *sh = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *pr = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  pwrite(fd, "BBBB", 4, 0);
  printf("shared sees %.4s\n", sh);
  memcpy(sh + 8, "CC", 2);
  char buf[3] = {0};
  pread(fd, buf, 2, 8);
  printf("write through: %s\n", buf);
  pr[0] = 'Z';
  pread(fd, buf, 1, 0);
  printf("private write stays private: file %c, mapping %c\n", buf[0], pr[0]);
  printf("munmap %d %d\n", munmap(sh, 4096), munmap(pr, 4096));
  char *anon = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("anonymous after unmap is zero: %d\n", anon[0] == 0 && anon[4096] == 0);
  close(fd);
  unlink("shmap.dat");
  return 0;
}

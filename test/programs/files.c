/* Files and directories inside the root. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
  mkdir("d", 0755);
  FILE *f = fopen("d/one.txt", "w");
  fprintf(f, "0123456789");
  fclose(f);
  rename("d/one.txt", "d/two.txt");
  struct stat st;
  int sr = stat("d/two.txt", &st);
  printf("stat %d size %ld dir %d\n", sr, (long)st.st_size, S_ISDIR(st.st_mode));
  int fd = open("d/two.txt", O_RDWR);
  char buf[8] = {0};
  lseek(fd, 4, SEEK_SET);
  read(fd, buf, 3);
  pwrite(fd, "AB", 2, 0);
  ftruncate(fd, 6);
  close(fd);
  f = fopen("d/two.txt", "r");
  char all[16] = {0};
  fread(all, 1, sizeof all - 1, f);
  fclose(f);
  printf("read %s file %s\n", buf, all);
  symlink("two.txt", "d/link");
  char target[32] = {0};
  readlink("d/link", target, sizeof target - 1);
  int ar = access("d/link", R_OK);
  printf("link -> %s access %d\n", target, ar);
  chdir("d");
  char cwd[4096];
  const char *base = strrchr(getcwd(cwd, sizeof cwd), '/');
  printf("cwd ends in %s\n", base);
  DIR *dir = opendir(".");
  char *names[16];
  int n = 0;
  for (struct dirent *e; (e = readdir(dir)) && n < 16;)
    names[n++] = strdup(e->d_name);
  closedir(dir);
  qsort(names, (size_t)n, sizeof *names, cmp);
  for (int i = 0; i < n; i++)
    printf("entry %s\n", names[i]), free(names[i]);
  unlink("link");
  unlink("two.txt");
  chdir("..");
  printf("rmdir %d\n", rmdir("d"));

  /* Paths through ".", "..", repeated slashes, directory fds and fchdir;
   * an fd far above the first few (dup2). */
  mkdir("d2", 0755);
  mkdir("d2/x", 0755);
  int cr = chdir("d2/./x/../x//");
  printf("chdir %d cwd ends in %s\n", cr, strrchr(getcwd(cwd, sizeof cwd), '/'));
  int dfd = open("..", O_RDONLY | O_DIRECTORY);
  printf("fchdir %d", fchdir(dfd));
  printf(" cwd ends in %s\n", strrchr(getcwd(cwd, sizeof cwd), '/'));
  int ffd = openat(dfd, "x/../f", O_CREAT | O_WRONLY, 0644);
  int hi = dup2(ffd, 100);
  printf("dup2 -> %d write %zd\n", hi, write(hi, "hello", 5));
  close(hi);
  close(ffd);
  printf("rename %d", rename("f", "x//g"));
  sr = stat("./x/../x/g", &st);
  printf(" stat %d size %ld\n", sr, (long)st.st_size);
  printf("closed fd: %zd\n", write(hi, "x", 1));
  printf("bad dirfd: %d\n", openat(hi, "g", O_RDONLY));
  int ur = unlink("x/g");
  printf("unlink %d", ur);
  printf(" rmdir %d", rmdir("x"));
  close(dfd);
  chdir("..");
  printf(" rmdir %d\n", rmdir("d2"));
  return 0;
}

/* An empty path names nothing: open, openat, fopen, stat and every other
 * call on a path answer ENOENT (they used to resolve "" to the cwd or the
 * root), while AT_EMPTY_PATH still acts on the fd (or the cwd). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char *what, long r) {
  printf("%-28s %s\n", what, r < 0 ? strerror(errno) : "ok");
}

int main(void) {
  struct stat st;
  char buf[64];
  mkdir("d", 0755);
  int dfd = open("d", O_RDONLY | O_DIRECTORY);
  show("open(\"\")", open("", O_RDONLY));
  show("open(\"\", O_CREAT)", open("", O_RDWR | O_CREAT, 0644));
  show("openat(AT_FDCWD, \"\")", openat(AT_FDCWD, "", O_RDONLY));
  show("openat(dirfd, \"\")", openat(dfd, "", O_RDONLY));
  FILE *f = fopen("", "r");
  show("fopen(\"\", \"r\")", f ? 0 : -1);
  f = fopen("", "w");
  show("fopen(\"\", \"w\")", f ? 0 : -1);
  show("stat(\"\")", stat("", &st));
  show("lstat(\"\")", lstat("", &st));
  show("fstatat(dirfd, \"\", 0)", fstatat(dfd, "", &st, 0));
  show("fstatat(dirfd, \"\", EMPTY)", fstatat(dfd, "", &st, AT_EMPTY_PATH));
  show("fstatat(CWD, \"\", EMPTY)", fstatat(AT_FDCWD, "", &st, AT_EMPTY_PATH));
  show("access(\"\")", access("", F_OK));
  show("faccessat(dirfd, \"\")", faccessat(dfd, "", F_OK, 0));
  show("mkdir(\"\")", mkdir("", 0755));
  show("mkdirat(dirfd, \"\")", mkdirat(dfd, "", 0755));
  show("rmdir(\"\")", rmdir(""));
  show("unlink(\"\")", unlink(""));
  show("unlinkat(dirfd, \"\")", unlinkat(dfd, "", 0));
  show("unlinkat(dirfd, \"\", DIR)", unlinkat(dfd, "", AT_REMOVEDIR));
  show("rename(\"\", \"x\")", rename("", "x"));
  show("rename(\"d\", \"\")", rename("d", ""));
  show("symlink(\"\", \"l\")", symlink("", "l"));
  show("symlink(\"d\", \"\")", symlink("d", ""));
  show("readlink(\"\")", readlink("", buf, sizeof buf));
  show("chdir(\"\")", chdir(""));
  show("the directory is still there", stat("d", &st));
  show("chdir(\"d\")", chdir("d"));
  show("stat(\"\") in d", stat("", &st));
  return 0;
}

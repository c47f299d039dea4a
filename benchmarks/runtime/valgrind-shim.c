/* Benchmark only (benchmarks/runtime/run, docs/runtime-overhead.md):
 * LD_PRELOADed into orc-bench-unconfined when it runs under valgrind.
 *
 * valgrind 3.19 (Debian 12) does not know openat2 (system call 437): it
 * answers -ENOSYS without entering the kernel, and the monitor opens every
 * file of a cVM's root with openat2(rootfd, path, RESOLVE_IN_ROOT). This
 * replaces glibc's syscall() so that openat2 becomes openat relative to
 * the root directory (the path's leading slashes dropped). That gives the
 * same file for the images the benchmark builds (plain files, no symbolic
 * links), but without RESOLVE_IN_ROOT's confinement: never use it for
 * anything but measuring. Every other system call is passed through.
 *
 * It also wraps mprotect: with ORC_BENCH_EXEC_LOG=FILE set, every
 * successful mprotect that makes memory executable appends "ADDR LEN\n" to
 * FILE. The loader copies each object's code into anonymous memory, which
 * callgrind can only name "???"; the log says which range holds which
 * object's code (the run script matches the lengths with the objects'
 * executable segments). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int mprotect(void *addr, size_t len, int prot) {
  static int (*real)(void *, size_t, int);
  if (!real)
    real = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "mprotect");
  int r = real(addr, len, prot);
  const char *log = getenv("ORC_BENCH_EXEC_LOG");
  if (!r && (prot & PROT_EXEC) && log) {
    int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) {
      dprintf(fd, "%p %zu\n", addr, len);
      close(fd);
    }
  }
  return r;
}

long syscall(long nr, ...) {
  static long (*real)(long, ...);
  va_list ap;
  long a[6];
  va_start(ap, nr);
  for (int i = 0; i < 6; i++)
    a[i] = va_arg(ap, long);
  va_end(ap);
  if (nr == SYS_openat2) {
    const struct open_how *how = (const struct open_how *)a[2];
    const char *path = (const char *)a[1];
    while (*path == '/')
      path++;
    return openat((int)a[0], *path ? path : ".", (int)how->flags,
                  (mode_t)how->mode);
  }
  if (!real)
    real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
  return real(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

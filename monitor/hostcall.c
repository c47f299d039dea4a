/* The hostcall table: what a cVM may ask of the host, each operation
 * confined to the calling cVM. Numbers are Linux x86-64 syscall numbers
 * (what musl would have used) plus ORC's own above 1000. Every pointer a
 * cVM passes is checked against its memory before use (CHECK); anything
 * not listed answers -ENOSYS and is counted per cVM.
 *
 * Why each is safe, in one line each, is beside its case. Files are in
 * fs.c. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static long do_mmap(struct cvm *c, const uint64_t *a) {
  size_t len = a[1];
  int prot = (int)a[2], flags = (int)a[3], fd = (int)a[4];
  if (!len || (prot & PROT_EXEC))
    return prot & PROT_EXEC ? -EPERM : -EINVAL; /* no cVM-made code */
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))
    return -EINVAL; /* the monitor places everything */
  pthread_mutex_lock(&c->lock);
  char *p = region_map(&c->mem, len, prot);
  pthread_mutex_unlock(&c->lock);
  if (!p)
    return -ENOMEM; /* the quota */
  if (!(flags & MAP_ANONYMOUS)) {
    /* A file mapping goes over the pages just allocated in the region:
     * shared or private as asked, never executable (prot was checked). */
    int h = fd_host(c, fd);
    void *m = h < 0 ? MAP_FAILED
                    : mmap(p, len, prot, (flags & (MAP_SHARED | MAP_PRIVATE)) | MAP_FIXED,
                           h, (off_t)a[5]);
    if (m == MAP_FAILED) {
      long e = h < 0 ? -EBADF : -errno;
      pthread_mutex_lock(&c->lock);
      region_unmap(&c->mem, p, len);
      pthread_mutex_unlock(&c->lock);
      return e;
    }
  }
  return (long)p;
}

static long do_mremap(struct cvm *c, const uint64_t *a) {
  char *old = (char *)a[0];
  size_t oldlen = (a[1] + 4095) & ~4095ul, newlen = (a[2] + 4095) & ~4095ul;
  if (!newlen || (uintptr_t)old % 4096 || !cvm_can_access(c, old, oldlen, 1))
    return -EINVAL;
  pthread_mutex_lock(&c->lock);
  long ret = (long)old;
  if (newlen <= oldlen) {
    region_unmap(&c->mem, old + newlen, oldlen - newlen);
  } else if (!(a[3] & MREMAP_MAYMOVE)) {
    ret = -ENOMEM;
  } else {
    char *p = region_map(&c->mem, newlen, PROT_READ | PROT_WRITE);
    if (p) {
      memcpy(p, old, oldlen);
      region_unmap(&c->mem, old, oldlen);
      ret = (long)p;
    } else {
      ret = -ENOMEM;
    }
  }
  pthread_mutex_unlock(&c->lock);
  return ret;
}

static long do_memory(struct cvm *c, long nr, const uint64_t *a) {
  long ret;
  switch (nr) {
  case SYS_mmap:
    return do_mmap(c, a);
  case SYS_mremap:
    return do_mremap(c, a);
  case SYS_munmap: /* only pages of the region, given back to it */
    pthread_mutex_lock(&c->lock);
    ret = region_unmap(&c->mem, (void *)a[0], a[1]);
    pthread_mutex_unlock(&c->lock);
    return ret;
  case SYS_mprotect: /* never executable */
    pthread_mutex_lock(&c->lock);
    ret = region_protect(&c->mem, (void *)a[0], a[1], (int)a[2]);
    pthread_mutex_unlock(&c->lock);
    return ret;
  case SYS_madvise: /* on the cVM's own pages, advice that touches no other
                       memory: hints, and dropping pages (they read back as
                       zeros or the file's). Not KSM merging (a channel
                       between tenants), hugepages (beyond the quota's
                       pages), poisoning, or hole punching (MADV_REMOVE). */
    switch ((int)a[2]) {
    case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
    case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE:
      break;
    default:
      return -EINVAL;
    }
    if (!cvm_can_access(c, (void *)a[0], a[1], 1))
      return -EINVAL;
    return madvise((void *)a[0], a[1], (int)a[2]) ? -errno : 0;
  case SYS_brk: /* no brk heap: musl's malloc falls back to mmap */
    return 0;
  }
  return -ENOSYS;
}

static long do_futex(struct cvm *c, const uint64_t *a) {
  int op = (int)a[1] & FUTEX_CMD_MASK;
  CHECK(a[0], 4, 1);
  if (op != FUTEX_WAIT && op != FUTEX_WAKE && op != FUTEX_WAIT_BITSET &&
      op != FUTEX_WAKE_BITSET && op != FUTEX_REQUEUE && op != FUTEX_CMP_REQUEUE)
    return -ENOSYS;
  if ((op == FUTEX_WAIT || op == FUTEX_WAIT_BITSET) && a[3])
    CHECK(a[3], sizeof(struct timespec), 0);
  if (op == FUTEX_REQUEUE || op == FUTEX_CMP_REQUEUE)
    CHECK(a[4], 4, 1);
  /* Always private: cVM memory belongs to this process only. */
  long r = syscall(SYS_futex, a[0], (long)(a[1] | FUTEX_PRIVATE_FLAG), a[2],
                   a[3], a[4], a[5]);
  return r < 0 ? -errno : r;
}

/* The clocks a cVM may read: wall and monotonic time (coarse, raw and
 * boot-time variants alike), its calling thread's own CPU time
 * (CLOCK_THREAD_CPUTIME_ID, or the id musl's pthread_getcpuclockid makes
 * from the cVM-local tid; the hostcall runs on that thread's own host
 * thread, so the host's thread clock is the cVM thread's), and its own
 * process CPU time (CVM_CPU_CLOCK: the sum of its threads', for musl's
 * clock()). Every other CPU clock (the monitor process's, another thread's
 * or process's by id) would tell a cVM how much CPU the monitor, other
 * tenants or other processes used: EINVAL, as for an id that does not
 * exist. */
#define CVM_CPU_CLOCK (-100)
static long cvm_clock(const struct cvm_thread *t, uint64_t id) {
  switch ((long)id) {
  case CLOCK_REALTIME: case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW:
  case CLOCK_REALTIME_COARSE: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
  case CLOCK_THREAD_CPUTIME_ID:
    return (long)id;
  case CLOCK_PROCESS_CPUTIME_ID:
  case (-0 - 1) * 8 + 2: /* the calling process, by pid 0 */
  case (-1 - 1) * 8 + 2: /* the cVM by its own pid, 1 */
    return CVM_CPU_CLOCK;
  }
  if ((long)id == (-(long)t->tid - 1) * 8 + 6) /* own thread, scheduler clock */
    return CLOCK_THREAD_CPUTIME_ID;
  return -EINVAL;
}

/* The CPU time of every thread of the cVM, those that ended included. */
static void cvm_cpu_time(struct cvm *c, struct timespec *ts) {
  pthread_mutex_lock(&c->lock);
  uint64_t ns = c->cpu_done_ns;
  for (int i = 0; i < CVM_MAX_THREADS; i++) {
    clockid_t id;
    struct timespec t;
    if (c->threads[i] && c->threads[i]->host && /* 0 until it is created */
        !pthread_getcpuclockid(c->threads[i]->host, &id) &&
        !clock_gettime(id, &t))
      ns += (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
  }
  pthread_mutex_unlock(&c->lock);
  ts->tv_sec = (time_t)(ns / 1000000000u);
  ts->tv_nsec = (long)(ns % 1000000000u);
}

static long do_time(struct cvm_thread *t, long nr, const uint64_t *a) {
  struct cvm *c = t->cvm;
  long id = nr == SYS_clock_gettime || nr == SYS_clock_getres ||
                    nr == SYS_clock_nanosleep
                ? cvm_clock(t, a[0])
                : 0;
  if (id == -EINVAL || (id == CVM_CPU_CLOCK && nr == SYS_clock_nanosleep))
    return -EINVAL;
  switch (nr) {
  case SYS_clock_gettime:
    CHECK(a[1], sizeof(struct timespec), 1);
    if (id == CVM_CPU_CLOCK)
      return cvm_cpu_time(c, (struct timespec *)a[1]), 0;
    return clock_gettime((clockid_t)id, (struct timespec *)a[1]) ? -errno : 0;
  case SYS_clock_getres:
    if (a[1])
      CHECK(a[1], sizeof(struct timespec), 1);
    if (id == CVM_CPU_CLOCK)
      id = CLOCK_THREAD_CPUTIME_ID; /* the same resolution */
    return clock_getres((clockid_t)id, (struct timespec *)a[1]) ? -errno : 0;
  case SYS_gettimeofday:
    if (a[0])
      CHECK(a[0], sizeof(struct timeval), 1);
    return gettimeofday((struct timeval *)a[0], NULL) ? -errno : 0;
  case SYS_nanosleep:
    CHECK(a[0], sizeof(struct timespec), 0);
    if (a[1])
      CHECK(a[1], sizeof(struct timespec), 1);
    return nanosleep((void *)a[0], (void *)a[1]) ? -errno : 0;
  case SYS_clock_nanosleep:
    CHECK(a[2], sizeof(struct timespec), 0);
    if (a[3])
      CHECK(a[3], sizeof(struct timespec), 1);
    return -clock_nanosleep((clockid_t)id, (int)a[1], (void *)a[2],
                            (void *)a[3]);
  }
  return -ENOSYS;
}

static long do_identity(struct cvm_thread *t, long nr, const uint64_t *a) {
  struct cvm *c = t->cvm;
  switch (nr) {
  case SYS_getpid: /* cVM-local ids: the cVM is process 1 */
    return 1;
  case SYS_getppid:
    return 0;
  case SYS_gettid:
    return t->tid;
  case SYS_set_tid_address: /* cleared and woken when the thread ends */
    CHECK(a[0], 4, 1);
    t->clear_tid = (int *)a[0];
    return t->tid;
  case SYS_getuid:
  case SYS_geteuid:
  case SYS_getgid:
  case SYS_getegid:
    return 0;
  case SYS_uname: {
    CHECK(a[0], sizeof(struct utsname), 1);
    struct utsname *u = (struct utsname *)a[0];
    memset(u, 0, sizeof *u);
    strcpy(u->sysname, "Linux");
    snprintf(u->nodename, sizeof u->nodename, "%s", c->name);
    strcpy(u->release, "6.0.0-orc");
    strcpy(u->version, "#1 ORC cVM");
    strcpy(u->machine, "x86_64");
    return 0;
  }
  case SYS_getrandom:
    CHECK(a[0], a[1], 1);
    return getrandom((void *)a[0], a[1], (unsigned)a[2] & GRND_NONBLOCK) < 0
               ? -errno
               : (long)a[1];
  }
  return -ENOSYS;
}

/* Signals are the monitor's: a cVM may set masks and handlers (recorded
 * nowhere, delivered never), and raising one ends the cVM with it. */
static long do_signal(struct cvm_thread *t, long nr, const uint64_t *a) {
  struct cvm *c = t->cvm;
  switch (nr) {
  case SYS_rt_sigprocmask:
    if (a[2]) {
      CHECK(a[2], 8, 1);
      memset((void *)a[2], 0, 8);
    }
    return 0;
  case SYS_rt_sigaction:
    if (a[2]) {
      CHECK(a[2], 32, 1);
      memset((void *)a[2], 0, 32);
    }
    return 0;
  case SYS_sigaltstack:
    return 0;
  case SYS_tkill:
  case SYS_tgkill: {
    int tid = (int)(nr == SYS_tkill ? a[0] : a[1]);
    int sig = (int)(nr == SYS_tkill ? a[1] : a[2]);
    if (sig == 0 || sig == CVM_SIGCANCEL) /* pthread_cancel: interrupt */
      return sig ? cvm_interrupt(c, tid) : 0;
    cvm_kill(t, 128 + sig, sig);
  }
  case SYS_kill:
    if ((long)a[0] == 1 || (long)a[0] == 0 || (long)a[0] == -1) {
      if (a[1] == 0)
        return 0;
      cvm_kill(t, 128 + (int)a[1], (int)a[1]);
    }
    return -ESRCH;
  }
  return -ENOSYS;
}

static long dispatch(struct cvm_thread *t);

/* The gate's C side: one hostcall; then, if the cVM is ending (another
 * thread exited or faulted meanwhile), this thread leaves instead of
 * returning to cVM code. */
/* The unimplemented hostcalls a cVM asked for, counted for the deploy
 * summary; the counters appear with the first. */
static void count_enosys(struct cvm *c, long nr) {
  if (nr < 0 || nr >= CVM_ENOSYS_MAX)
    return;
  unsigned *e = __atomic_load_n(&c->enosys, __ATOMIC_ACQUIRE);
  if (!e) {
    unsigned *n = calloc(CVM_ENOSYS_MAX, sizeof *n);
    if (!n)
      return;
    if (__atomic_compare_exchange_n(&c->enosys, &e, n, 0, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE))
      e = n;
    else
      free(n);
  }
  __atomic_fetch_add(&e[nr], 1, __ATOMIC_RELAXED);
}

long orc_dispatch(struct cvm_thread *t) {
  long r = dispatch(t);
  if (t->exiting)
    cvm_exit_thread(t, 0);
  return r;
}

static long dispatch(struct cvm_thread *t) {
  struct cvm *c = t->cvm;
  long nr = (long)t->args[0];
  const uint64_t *a = t->args + 1;
  int handled = 0;
  long r = fs_hostcall(t, nr, a, &handled);
  if (!handled)
    r = net_hostcall(t, nr, a, &handled);
  if (handled)
    return r;
  switch (nr) {
  case SYS_exit:
    cvm_exit_thread(t, (int)a[0]);
  case SYS_exit_group:
  case ORC_HC_EXIT_CVM:
    cvm_kill(t, (int)a[0] & 0xff, 0);
  case ORC_HC_THREAD_START:
    return cvm_thread_start(t, (void *)a[0], (void *)a[1], (void *)a[2],
                            (void *)a[3], (int *)a[4], (int *)a[5]);
  case SYS_mmap: case SYS_munmap: case SYS_mremap: case SYS_mprotect:
  case SYS_madvise: case SYS_brk:
    return do_memory(c, nr, a);
  case SYS_futex:
    return do_futex(c, a);
  case SYS_sched_yield:
    return sched_yield() ? -errno : 0;
  case SYS_clock_gettime: case SYS_clock_getres: case SYS_gettimeofday:
  case SYS_nanosleep: case SYS_clock_nanosleep:
    return do_time(t, nr, a);
  case SYS_getpid: case SYS_getppid: case SYS_gettid: case SYS_set_tid_address:
  case SYS_getuid: case SYS_geteuid: case SYS_getgid: case SYS_getegid:
  case SYS_uname: case SYS_getrandom:
    return do_identity(t, nr, a);
  case SYS_rt_sigprocmask: case SYS_rt_sigaction: case SYS_sigaltstack:
  case SYS_tkill: case SYS_tgkill: case SYS_kill:
    return do_signal(t, nr, a);
  }
  count_enosys(c, nr);
  return -ENOSYS;
}

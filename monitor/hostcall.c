/* The hostcall table: what a cVM may ask of the host, each operation
 * confined to the calling cVM. Numbers are Linux x86-64 syscall numbers
 * (what musl would have used) plus ORC's own above 1000. Every pointer a
 * cVM passes goes through guest.c: structures are copied in and out
 * (guest_read, guest_write), buffers only the kernel touches are checked
 * ranges (guest_buf); anything not listed answers -ENOSYS and is counted
 * per cVM.
 *
 * Why each is safe, in one line each, is beside its case. Files are in
 * fs.c, sockets in net.c, signals in signal.c. */
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
#include <sys/resource.h>
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
  uint64_t as = cvm_rlimit(c, RLIMIT_AS), data = cvm_rlimit(c, RLIMIT_DATA);
  uint64_t most = as < data ? as : data;
  size_t pages = (len + 4095) & ~(size_t)4095;
  char *p = !pages || pages > most || c->mem.committed > most - pages
                ? NULL /* past RLIMIT_AS or RLIMIT_DATA */
                : region_map(&c->mem, len, prot);
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
  return (long)(uintptr_t)p; /* the region is the cVM's view of itself */
}

/* The kernel moves the pages (region_remap): the monitor copies nothing. */
static long do_mremap(struct cvm *c, const uint64_t *a) {
  long err;
  if (a[3] & ~(uint64_t)MREMAP_MAYMOVE)
    return -EINVAL; /* MREMAP_FIXED, DONTUNMAP: the monitor places everything */
  pthread_mutex_lock(&c->lock);
  char *p = region_remap(&c->mem, guest_host(c, a[0]), a[1], a[2],
                         (int)(a[3] & MREMAP_MAYMOVE), &err);
  pthread_mutex_unlock(&c->lock);
  return p ? (long)(uintptr_t)p : err;
}

/* ---- Resource limits -----------------------------------------------------
 *
 * What a cVM's limits are: RLIMIT_AS and RLIMIT_DATA its memory quota,
 * RLIMIT_NOFILE the fds it may number (its table, less what its fd account
 * keeps for its root and a thread), RLIMIT_STACK its main stack, RLIMIT_FSIZE
 * its disk quota (infinite without one), RLIMIT_NPROC its threads, no core
 * dumps, no raised priorities (NICE, RTPRIO 0), Linux's defaults for
 * MEMLOCK and MSGQUEUE, the rest infinite. Soft and hard alike at first;
 * the cVM may lower either and raise a soft limit up to its hard one, never
 * a hard one (EPERM: the monitor's accounts are not the cVM's to raise,
 * whatever uid it believes it has). Enforced: NOFILE (no fd number at or
 * past it: open, dup, pipe answer EMFILE, dup2 EBADF, F_DUPFD EINVAL, as
 * Linux), AS and DATA (an mmap that would take the committed pages past
 * the lower of them answers ENOMEM). Recorded only: the rest (FSIZE would
 * need SIGXFSZ, STACK a stack the cVM has already). */
static void rlimit_default(const struct cvm *c, int r, uint64_t v[2]) {
  const uint64_t inf = ~0ull;
  uint64_t x;
  int nofile = c->fd_account - 3;
  switch (r) {
  case RLIMIT_AS: case RLIMIT_DATA: x = c->mem.quota; break;
  case RLIMIT_NOFILE:
    x = (uint64_t)(nofile < CVM_MAX_FDS ? (nofile > 0 ? nofile : 1) : CVM_MAX_FDS);
    break;
  case RLIMIT_STACK: x = CVM_STACK_SIZE; break;
  case RLIMIT_FSIZE: x = c->disk_quota ? c->disk_quota : inf; break;
  case RLIMIT_NPROC: x = CVM_MAX_THREADS; break;
  case RLIMIT_CORE: case RLIMIT_NICE: case RLIMIT_RTPRIO: x = 0; break;
  case RLIMIT_MEMLOCK: x = 8u << 20; break;
  case RLIMIT_MSGQUEUE: x = 819200; break;
  default: x = inf; break;
  }
  v[0] = v[1] = x;
}

static void rlimit_get(const struct cvm *c, int r, uint64_t v[2]) {
  if (c->rlim_set & (1u << r))
    v[0] = c->rlim[r][0], v[1] = c->rlim[r][1];
  else
    rlimit_default(c, r, v);
}

uint64_t cvm_rlimit(const struct cvm *c, int r) {
  uint64_t v[2];
  rlimit_get(c, r, v);
  return v[0];
}

int cvm_max_fds(const struct cvm *c) {
  uint64_t n = cvm_rlimit(c, RLIMIT_NOFILE);
  return n < CVM_MAX_FDS ? (int)n : CVM_MAX_FDS;
}

/* prlimit64(pid, r, new, old); getrlimit and setrlimit are its halves.
 * pid 0, the cVM's pid (1) or one of its threads' ids is the cVM; any
 * other pid names no process it can see: ESRCH. */
static long do_prlimit(struct cvm *c, long pid, long r, uint64_t unew,
                       uint64_t uold) {
  uint64_t v[2], nv[2];
  if (pid < 0)
    return -EINVAL;
  if (pid > 1) {
    pthread_mutex_lock(&c->lock);
    int found = cvm_thread_of(c, pid) != NULL;
    pthread_mutex_unlock(&c->lock);
    if (!found)
      return -ESRCH;
  }
  if (r < 0 || r >= CVM_RLIMITS)
    return -EINVAL;
  if (unew && guest_read(c, nv, unew, sizeof nv))
    return -EFAULT;
  if (unew && nv[0] > nv[1])
    return -EINVAL;
  long ret = 0;
  pthread_mutex_lock(&c->lock);
  rlimit_get(c, (int)r, v);
  if (unew && nv[1] > v[1])
    ret = -EPERM;
  else if (unew) {
    c->rlim[r][0] = nv[0], c->rlim[r][1] = nv[1];
    c->rlim_set |= 1u << r;
  }
  pthread_mutex_unlock(&c->lock);
  if (!ret && uold && guest_write(c, uold, v, sizeof v))
    return -EFAULT;
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
    ret = region_unmap(&c->mem, guest_host(c, a[0]), a[1]);
    pthread_mutex_unlock(&c->lock);
    return ret;
  case SYS_mprotect: /* never executable */
    pthread_mutex_lock(&c->lock);
    ret = region_protect(&c->mem, guest_host(c, a[0]), a[1], (int)a[2]);
    pthread_mutex_unlock(&c->lock);
    return ret;
  case SYS_madvise: { /* advice on the cVM's own pages only, never on the
                       shared objects (MADV_DONTNEED would drop their
                       relocations for every cVM) */
    void *p = guest_host(c, a[0]);
    int advice = (int)a[2];
    if (!a[1] || !region_allows(&c->mem, p, a[1], 0))
      return -EINVAL;
    /* Only advice on how the pages are used; not MADV_HWPOISON and the
     * like, which reach past them (a root monitor would obey). */
    if (advice != MADV_NORMAL && advice != MADV_RANDOM &&
        advice != MADV_SEQUENTIAL && advice != MADV_WILLNEED &&
        advice != MADV_DONTNEED && advice != MADV_FREE)
      return -EINVAL;
    return madvise(p, a[1], advice) ? -errno : 0;
  }
  case SYS_brk: /* no brk heap: musl's malloc falls back to mmap */
    return 0;
  }
  return -ENOSYS;
}

/* The futex word is the one place where the kernel itself reads cVM memory
 * for the monitor: it must, to compare and sleep atomically. The word is
 * checked writable first; if another thread unmaps it meanwhile, the
 * kernel's own access answers EFAULT, and it cannot reach anything but
 * the cVM's region (whose address space stays the cVM's, monitor.h). The
 * timeout is copied in. */
static long do_lock_pi(struct cvm_thread *t, int op, uint64_t uaddr,
                       uint64_t uts);
static long do_unlock_pi(struct cvm_thread *t, uint64_t uaddr);

static long do_futex(struct cvm_thread *t, const uint64_t *a) {
  struct cvm *c = t->cvm;
  int op = (int)a[1] & FUTEX_CMD_MASK;
  void *uaddr = guest_buf(c, a[0], 4, 1), *uaddr2 = NULL;
  struct timespec ts, *tsp = NULL;
  if (!uaddr)
    return -EFAULT;
  if (op == FUTEX_LOCK_PI || op == FUTEX_TRYLOCK_PI)
    return do_lock_pi(t, op, a[0], a[3]);
  if (op == FUTEX_UNLOCK_PI)
    return do_unlock_pi(t, a[0]);
  if (op != FUTEX_WAIT && op != FUTEX_WAKE && op != FUTEX_WAIT_BITSET &&
      op != FUTEX_WAKE_BITSET && op != FUTEX_REQUEUE && op != FUTEX_CMP_REQUEUE)
    return -ENOSYS;
  if ((op == FUTEX_WAIT || op == FUTEX_WAIT_BITSET) && a[3]) {
    if (guest_read(c, &ts, a[3], sizeof ts))
      return -EFAULT;
    tsp = &ts;
  }
  if ((op == FUTEX_REQUEUE || op == FUTEX_CMP_REQUEUE) &&
      !(uaddr2 = guest_buf(c, a[4], 4, 1)))
    return -EFAULT;
  /* Always private: cVM memory belongs to this process only. For the
   * requeues a[3] is a count, not a pointer. */
  long r = syscall(SYS_futex, uaddr, (long)(a[1] | FUTEX_PRIVATE_FLAG), a[2],
                   tsp ? (uint64_t)(uintptr_t)tsp : a[3], uaddr2, a[5]);
  return r < 0 ? -errno : r;
}

/* ---- Robust lists and priority-inheritance locks -------------------------
 *
 * A futex lock word holds its owner's thread id (the cVM-local one, which
 * is what musl writes), FUTEX_WAITERS and FUTEX_OWNER_DIED. Linux's PI
 * futexes cannot be handed to the kernel: it would read the id in the word
 * as a host thread id of the monitor's process and attach the lock to
 * whatever host thread (or process) has it. So the monitor does what they
 * promise to the cVM itself on the checked word, with guest_cas (an atomic
 * compare-and-swap that answers EFAULT for a word that changed) and the
 * kernel's private FUTEX_WAIT_BITSET/FUTEX_WAKE on it: LOCK_PI takes a
 * free word (owner 0) for the caller, keeping OWNER_DIED, else sets
 * FUTEX_WAITERS and sleeps until the word changes (absolute CLOCK_REALTIME
 * timeout, as LOCK_PI's), then tries again; a lock taken after sleeping
 * keeps FUTEX_WAITERS, so its unlock comes back here and wakes the next.
 * UNLOCK_PI frees a word the caller owns and wakes one waiter. TRYLOCK_PI
 * takes a free word or answers EAGAIN. No priority is inherited (the
 * monitor sets no cVM thread's priority anyway); mutual exclusion,
 * EDEADLK, EPERM and owner death are Linux's. */
#define PI_TRIES 1000 /* cas attempts lost to other threads before EAGAIN */

static long futex_wake_word(struct cvm *c, uint64_t uaddr, int n) {
  void *w = guest_buf(c, uaddr, 4, 1);
  long r = w ? syscall(SYS_futex, w, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, n, 0, 0, 0)
             : -1;
  return r < 0 ? -EFAULT : r;
}

static long do_lock_pi(struct cvm_thread *t, int op, uint64_t uaddr,
                       uint64_t uts) {
  struct cvm *c = t->cvm;
  struct timespec ts;
  uint32_t tid = (uint32_t)t->tid, v, seen;
  int slept = 0;
  if (op == FUTEX_LOCK_PI && uts && guest_read(c, &ts, uts, sizeof ts))
    return -EFAULT;
  for (int tries = 0; tries < PI_TRIES;) {
    if (guest_read(c, &v, uaddr, sizeof v))
      return -EFAULT;
    if ((v & FUTEX_TID_MASK) == tid)
      return -EDEADLK;
    if (!(v & FUTEX_TID_MASK)) { /* free: take it */
      uint32_t mine = tid | (v & FUTEX_OWNER_DIED) | (slept ? FUTEX_WAITERS : 0);
      if (guest_cas(c, uaddr, v, mine, &seen))
        return -EFAULT;
      if (seen == v)
        return 0;
      tries++;
      continue;
    }
    if (op == FUTEX_TRYLOCK_PI)
      return -EAGAIN;
    if (!(v & FUTEX_WAITERS)) {
      if (guest_cas(c, uaddr, v, v | FUTEX_WAITERS, &seen))
        return -EFAULT;
      if (seen != v) {
        tries++;
        continue;
      }
      v |= FUTEX_WAITERS;
    }
    void *w = guest_buf(c, uaddr, 4, 1);
    if (!w)
      return -EFAULT;
    long r = syscall(SYS_futex, w,
                     FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME,
                     v, uts ? &ts : NULL, 0, FUTEX_BITSET_MATCH_ANY);
    if (r < 0 && errno == ETIMEDOUT)
      return -ETIMEDOUT;
    if (r < 0 && errno == EINTR && t->exiting)
      return -EINTR; /* the cVM is ending: the gate makes the thread leave */
    if (r < 0 && errno != EAGAIN && errno != EINTR)
      return -errno;
    slept = 1;
  }
  return -EAGAIN;
}

static long do_unlock_pi(struct cvm_thread *t, uint64_t uaddr) {
  struct cvm *c = t->cvm;
  uint32_t v, seen;
  for (int tries = 0; tries < PI_TRIES; tries++) {
    if (guest_read(c, &v, uaddr, sizeof v))
      return -EFAULT;
    if ((v & FUTEX_TID_MASK) != (uint32_t)t->tid)
      return -EPERM;
    if (guest_cas(c, uaddr, v, 0, &seen))
      return -EFAULT;
    if (seen == v) {
      long r = v & FUTEX_WAITERS ? futex_wake_word(c, uaddr, 1) : 0;
      return r < 0 ? r : 0;
    }
  }
  return -EAGAIN;
}

/* One futex of a dying thread's robust list (Linux's handle_futex_death):
 * held by it, it becomes OWNER_DIED (waiters kept) and one waiter wakes;
 * the pending one, if free and with waiters, wakes one too. */
static void robust_death(struct cvm_thread *t, uint64_t uaddr, int pending) {
  struct cvm *c = t->cvm;
  uint32_t v, seen;
  for (int tries = 0; tries < 16; tries++) {
    if ((uaddr & 3) || guest_read(c, &v, uaddr, sizeof v))
      return;
    if (pending && !v) {
      futex_wake_word(c, uaddr, 1);
      return;
    }
    if ((v & FUTEX_TID_MASK) != (uint32_t)t->tid)
      return;
    uint32_t dead = (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    if (guest_cas(c, uaddr, v, dead, &seen))
      return;
    if (seen == v) {
      if (v & FUTEX_WAITERS)
        futex_wake_word(c, uaddr, 1);
      return;
    }
  }
}

/* Linux's exit_robust_list: struct robust_list_head {next, futex_offset,
 * list_op_pending}, each entry a cVM pointer to the next (bit 0: a PI
 * lock), the futex word at entry + futex_offset; at most ROBUST_LIST_LIMIT
 * entries, every read through guest.c (a bad pointer ends the walk). */
#define ROBUST_LIST_LIMIT 2048
void cvm_robust_exit(struct cvm_thread *t) {
  struct cvm *c = t->cvm;
  uint64_t head = t->robust_list, h[3], entry, pending, next;
  /* In the monitor now, whichever way the thread left cVM code (a signal
   * ending the cVM leaves from cVM code with this 0): guest_fault then
   * recovers a fault in the reads and swaps below, and in clear_tid. */
  t->in_monitor = 1;
  if (!head || guest_read(c, h, head, sizeof h))
    return;
  entry = h[0] & ~1ull;
  pending = h[2] & ~1ull;
  long off = (long)h[1];
  for (int n = 0; entry && entry != head && n < ROBUST_LIST_LIMIT; n++) {
    int bad = guest_read(c, &next, entry, sizeof next) != 0;
    if (entry != pending)
      robust_death(t, entry + (uint64_t)off, 0);
    if (bad)
      return;
    entry = next & ~1ull;
  }
  if (pending)
    robust_death(t, pending + (uint64_t)off, 1);
}

/* set_robust_list(head, len): len must be the head's size, as Linux.
 * get_robust_list(tid, &head, &len): this thread (0) or another of the
 * cVM's; any other id names no thread it can see (ESRCH). */
static long do_robust(struct cvm_thread *t, long nr, const uint64_t *a) {
  struct cvm *c = t->cvm;
  if (nr == SYS_set_robust_list) {
    if (a[1] != 3 * sizeof(uint64_t))
      return -EINVAL;
    t->robust_list = a[0];
    return 0;
  }
  uint64_t head = 0, len = 3 * sizeof(uint64_t);
  long r = 0;
  if (a[0] == 0 || (long)a[0] == t->tid) {
    head = t->robust_list;
  } else {
    pthread_mutex_lock(&c->lock);
    struct cvm_thread *o = cvm_thread_of(c, (long)a[0]);
    if (o)
      head = o->robust_list;
    else
      r = -ESRCH;
    pthread_mutex_unlock(&c->lock);
  }
  if (r)
    return r;
  if (guest_write(c, a[1], &head, sizeof head) ||
      guest_write(c, a[2], &len, sizeof len))
    return -EFAULT;
  return 0;
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

/* A result copied out, or -EFAULT; else the call's own result r. */
static long out(struct cvm *c, long r, uint64_t dst, const void *src, size_t n) {
  return r == 0 && dst && guest_write(c, dst, src, n) ? -EFAULT : r;
}

static long do_time(struct cvm_thread *t, long nr, const uint64_t *a) {
  struct cvm *c = t->cvm;
  struct timespec ts, rem = {0};
  struct timeval tv;
  long id = nr == SYS_clock_gettime || nr == SYS_clock_getres ||
                    nr == SYS_clock_nanosleep
                ? cvm_clock(t, a[0])
                : 0;
  if (id == -EINVAL || (id == CVM_CPU_CLOCK && nr == SYS_clock_nanosleep))
    return -EINVAL;
  switch (nr) {
  case SYS_clock_gettime:
    if (!a[1])
      return -EFAULT;
    if (id == CVM_CPU_CLOCK)
      return cvm_cpu_time(c, &ts), out(c, 0, a[1], &ts, sizeof ts);
    return out(c, clock_gettime((clockid_t)id, &ts) ? -errno : 0, a[1], &ts,
               sizeof ts);
  case SYS_clock_getres:
    if (id == CVM_CPU_CLOCK)
      id = CLOCK_THREAD_CPUTIME_ID; /* the same resolution */
    return out(c, clock_getres((clockid_t)id, &ts) ? -errno : 0, a[1], &ts,
               sizeof ts);
  case SYS_gettimeofday:
    return out(c, gettimeofday(&tv, NULL) ? -errno : 0, a[0], &tv, sizeof tv);
  case SYS_nanosleep:
  case SYS_clock_nanosleep: {
    int clk = nr == SYS_nanosleep ? CLOCK_REALTIME : (int)id;
    int flags = nr == SYS_nanosleep ? 0 : (int)a[1];
    uint64_t req = nr == SYS_nanosleep ? a[0] : a[2];
    uint64_t urem = nr == SYS_nanosleep ? a[1] : a[3];
    if (guest_read(c, &ts, req, sizeof ts))
      return -EFAULT;
    long r = -clock_nanosleep((clockid_t)clk, flags, &ts, &rem);
    return r == -EINTR && urem && guest_write(c, urem, &rem, sizeof rem) ? -EFAULT
                                                                        : r;
  }
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
    t->clear_tid = a[0];
    return t->tid;
  case SYS_getuid:
  case SYS_geteuid:
  case SYS_getgid:
  case SYS_getegid:
    return 0;
  case SYS_uname: {
    struct utsname u = {0};
    strcpy(u.sysname, "Linux");
    snprintf(u.nodename, sizeof u.nodename, "%s", c->name);
    strcpy(u.release, "6.0.0-orc");
    strcpy(u.version, "#1 ORC cVM");
    strcpy(u.machine, "x86_64");
    return guest_write(c, a[0], &u, sizeof u);
  }
  case SYS_getrandom: { /* the kernel fills the cVM's buffer */
    void *buf = guest_buf(c, a[0], a[1], 1);
    if (!buf)
      return -EFAULT;
    long r = getrandom(buf, a[1], (unsigned)a[2] & GRND_NONBLOCK);
    return r < 0 ? -errno : r;
  }
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

long hostcall_dispatch(struct cvm_thread *t) { return dispatch(t); }

/* The gate's exit found the cVM ending (gate.S). */
void orc_gate_leave(struct cvm_thread *t);
void orc_gate_leave(struct cvm_thread *t) {
  t->in_monitor = 1;
  cvm_exit_thread(t, 0);
}

static long dispatch(struct cvm_thread *t) {
  struct cvm *c = t->cvm;
  long nr = (long)t->args[0];
  const uint64_t *a = t->args + 1;
  int handled = 0;
  long r = fs_hostcall(t, nr, a, &handled);
  if (!handled)
    r = net_hostcall(t, nr, a, &handled);
  if (!handled)
    r = signal_hostcall(t, nr, a, &handled);
  if (handled)
    return r;
  switch (nr) {
  case SYS_exit:
    cvm_exit_thread(t, (int)a[0]);
  case SYS_exit_group:
  case ORC_HC_EXIT_CVM:
    cvm_kill(t, (int)a[0] & 0xff, 0);
  case ORC_HC_THREAD_START:
    return cvm_thread_start(t, a);
  case SYS_mmap: case SYS_munmap: case SYS_mremap: case SYS_mprotect:
  case SYS_madvise: case SYS_brk:
    return do_memory(c, nr, a);
  case SYS_futex:
    return do_futex(t, a);
  case SYS_set_robust_list: case SYS_get_robust_list:
    return do_robust(t, nr, a);
  case SYS_sched_yield:
    return sched_yield() ? -errno : 0;
  case SYS_clock_gettime: case SYS_clock_getres: case SYS_gettimeofday:
  case SYS_nanosleep: case SYS_clock_nanosleep:
    return do_time(t, nr, a);
  case SYS_getpid: case SYS_getppid: case SYS_gettid: case SYS_set_tid_address:
  case SYS_getuid: case SYS_geteuid: case SYS_getgid: case SYS_getegid:
  case SYS_uname: case SYS_getrandom:
    return do_identity(t, nr, a);
  case SYS_prlimit64:
    return do_prlimit(c, (long)a[0], (long)a[1], a[2], a[3]);
  case SYS_getrlimit:
    return a[1] ? do_prlimit(c, 0, (long)a[0], 0, a[1]) : -EFAULT;
  case SYS_setrlimit:
    return a[1] ? do_prlimit(c, 0, (long)a[0], a[1], 0) : -EFAULT;
  }
  count_enosys(c, nr);
  return -ENOSYS;
}

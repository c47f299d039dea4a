/* The monitor: cVMs and their hostcalls, the trusted base (the CLI and
 * `orc deploy` are the orc executable's, outside this library).
 *
 * A cVM is a 4 GiB window of the address space (GS = its base for every
 * thread; window.c) holding its read-only capability table, one state
 * instance per object it links (from the loader's store), a memory region
 * with a quota, and a read-only view of the code zone; plus a root
 * directory, an fd table and its threads. Many cVMs live in one
 * monitor process. Every cVM thread runs on a host thread of its own; it
 * leaves cVM code only through the gate (gate.S) or a fault. */
#ifndef ORC_MONITOR_H
#define ORC_MONITOR_H

#include "orc_abi.h" /* runtime/src/internal: hostcall numbers, auxv */
#include "orc_loader.h"

#include <pthread.h>
#include <signal.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#define CVM_MAX_FDS 256
#define CVM_FD_CHUNK 16 /* fd table entries allocated together */
#define CVM_ENOSYS_MAX 512 /* unimplemented hostcalls counted below this */
#define CVM_MAX_THREADS 64
#define CVM_NSIG 64 /* cVM signals 1..64 */
#define CVM_STACK_SIZE (256 * 1024)
/* Most bytes of arguments and environment (strings and pointers) a cVM
 * starts with: a quarter of its stack, as Linux's ARG_MAX is of its. */
#define CVM_ARG_MAX (CVM_STACK_SIZE / 4)
/* Largest memory quota of a cVM (its region reserves twice as much
 * address space, of the 128 TiB a process has). */
#define CVM_QUOTA_MAX ((size_t)1 << 40)
#define HOST_STACK_SIZE (128 * 1024)
#define ALT_STACK_SIZE (64 * 1024)
#define LEAF_PAGES 512 /* pages per leaf of a region's page map  */
/* A cVM's fd account: the host fds it may hold at once, which are its fd
 * table's entries, its root, and two for each of its threads (what a
 * hostcall may hold before it places or closes them: a parent directory,
 * a new fd). At most a full table and one thread; at least 16 fds. */
#define CVM_FD_ACCOUNT (CVM_MAX_FDS + 1 + 2)
#define CVM_FD_ACCOUNT_MIN (16 + 1 + 2)
#define MONITOR_FDS 64 /* the monitor's own: stdio, the object being read */
#define DISK_NAME_BYTES 4096 /* what a new file, directory or link costs */
#define CVM_RLIMITS 16 /* RLIM_NLIMITS */

/* The address space (docs/architecture.md). */
#define GiB (1ull << 30)
#define CODE_ZONE_BASE (2 * GiB) /* [2 GiB, 4 GiB): every object */
#define CODE_ZONE_SIZE (2 * GiB)
#define WINDOW_SIZE (4 * GiB)
#define WINDOW_GUARD (64 * 1024) /* never mapped at each end of a window */
#define WINDOW_CTABLE ORC_CTABLE_OFFSET          /* W + 64 KiB */
#define WINDOW_REGION (WINDOW_CTABLE + ORC_MAX_SLOTS * 8) /* W + 96 KiB */
#define WINDOW_VIEW (2 * GiB)                    /* W + 2 GiB: the view */

struct cvm;

/* The siginfo of pending signals (signal.c): one per signal, and the
 * real-time signals sent again while pending queued behind it, as Linux
 * queues them (at most CVM_SIGQUEUE: then sigqueue answers EAGAIN). */
#define CVM_SIGQUEUE 64
struct cvm_siginfo_slot {
  int code, pid;
  uint64_t value; /* sigqueue's value, or a fault's address */
};
struct cvm_sigqueue {
  struct cvm_siginfo_slot info[CVM_NSIG];
  struct {
    int sig;
    struct cvm_siginfo_slot si;
  } more[CVM_SIGQUEUE];
  int nmore;
};

/* One host thread running cVM code, found by the gate and the fault
 * handler from the kernel's thread id (thread_self), never from cVM
 * memory. gate.S reads the first fields by offset: keep them in order. */
struct cvm_thread {
  uint64_t host_fs;  /* 0: the monitor's FS (glibc) on this thread */
  uint64_t cvm_fs;   /* 8: the cVM's FS (musl), as the monitor set it */
  uint64_t host_rsp; /* 16: top of this thread's monitor stack */
  uint64_t cvm_rsp;  /* 24: the cVM stack pointer at the gate */
  uint64_t args[7];  /* 32: nr, a1..a6 of the current hostcall */
  uint64_t ret;      /* 88: the hostcall's return address */
  uint64_t window;   /* 96: W, GS in cVM code */
  uint64_t result;   /* 104: the hostcall's result, for the gate's exit */
  /* Signals (signal.c): the blocked mask is the thread's own; pending
   * bits are set by any thread of the cVM under c->lock, cleared by this
   * one. Bit s-1 is signal s. The gate's exit reads both. */
  uint64_t sig_blocked; /* 112 */
  uint64_t sig_pending; /* 120 */
  int host_tid;         /* 128: the kernel's id of this host thread */
  volatile int in_monitor; /* 132: between gate entry and exit */
  volatile int exiting;    /* 136: the cVM is ending: leave at the gate */
  struct cvm *cvm;
  sigjmp_buf exit_jmp;
  pthread_t host;
  int tid;           /* cVM-local */
  uint64_t clear_tid; /* cVM pointer to the futex word cleared and woken
                         at thread exit, or 0 */
  void *alt_stack;   /* signal handlers run here */
  /* What the thread runs when it starts. */
  void *entry, *arg, *stack;
  int is_main; /* entered at _start with the initial stack, not fn(arg) */
  char *guard; /* the guard page below a stack the monitor made, or NULL */
  uint64_t robust_list; /* cVM pointer: its robust futex list's head
                           (set_robust_list), walked at its exit, or 0 */
  struct cvm_sigqueue sigq; /* of its pending signals */
  uint64_t ss_sp, ss_size; /* sigaltstack, cVM pointers; ss_size 0: none */
  uint64_t saved_mask;     /* rt_sigsuspend's mask to restore... */
  int mask_saved;          /* ...when its handler returns */
  uint32_t sig_seq;        /* futex word: bumped at every signal sent here */
  int resume;              /* rt_sigreturn: sig_ctx to be loaded */
  int resume_restart;      /* sig_ctx is a hostcall's exit (EINTR restarts) */
  void *resume_fp;         /* the FP state to load with it, or NULL */
  uint64_t sig_ctx[18];    /* r8..rip, eflags as in a ucontext's gregs */
  struct sig_record *sig_records; /* frames delivered (signal.c), or NULL */
  uint64_t sig_record_seq;
};

/* Sent to a cVM's other threads when it ends (fault.c). */
#define SIG_CVM_END (SIGRTMIN + 3)
/* Sent to a cVM thread to deliver a cVM signal (signal.c). */
#define SIG_CVM_SIG (SIGRTMIN + 5)
/* musl's cancellation signal. */
#define CVM_SIGCANCEL 33

/* The cVM's memory: one reservation, committed page by page under the
 * quota (mem.c). Its page map keeps, per page, three bits: allocated,
 * readable, writable (the protection the cVM asked for with mmap,
 * mprotect, mremap; cleared by munmap), in leaves of LEAF_PAGES pages
 * (192 bytes) made on first use. */
struct region_leaf {
  uint64_t used[LEAF_PAGES / 64], read[LEAF_PAGES / 64], write[LEAF_PAGES / 64];
};
struct region {
  char *base;
  size_t size;          /* reserved bytes */
  size_t quota;         /* most bytes committed at once */
  size_t committed;
  struct region_leaf **leaf; /* the page map */
  size_t nleaves;       /* of LEAF_PAGES pages each, NULL until used */
  size_t npages;
  char *bump, *bump_end; /* byte-granular allocations (state, TLS) */
};

struct fd_entry {
  int host;   /* -1 when free */
  char *path; /* for directories: path inside the root, for *at() */
  int given;  /* a host file the monitor gave (stdio) and its dups: not in
                 the root, not charged to the disk quota */
};

enum cvm_state { CVM_RUNNING, CVM_EXITED, CVM_FAILED };

struct cvm {
  unsigned id;
  char name[64];
  struct orc_link *link;
  struct orc_instance inst;
  char *window;     /* W (window.c) */
  struct window_key *window_key; /* its shape, for window_close */
  uint64_t *ctable; /* the monitor's writable mapping of the table the cVM
                       sees read-only at W + WINDOW_CTABLE (window.c) */
  struct region mem;
  int rootfd;
  char *cwd; /* inside the root, absolute, no trailing slash but "/";
                replaced (under lock) by chdir */
  /* The fd table in chunks, allocated on first use and kept until the cVM
   * ends, so a reader may look an entry up without the lock. */
  struct fd_entry *fdt[CVM_MAX_FDS / CVM_FD_CHUNK];
  pthread_mutex_t lock;
  struct cvm_thread *threads[CVM_MAX_THREADS];
  int next_tid;
  int live_threads;
  uint64_t cpu_done_ns; /* CPU time of its threads that ended */
  enum cvm_state state;
  int status;     /* exit status, or the signal that killed it */
  int net;        /* networking allowed */
  int fd_account; /* host fds it may hold (CVM_FD_ACCOUNT), set at create */
  int fd_used;    /* entries of its fd table in use (under lock) */
  /* Disk quota of writes into the root (fs.c): bytes files grew by, and
   * DISK_NAME_BYTES per name made; 0: no quota. */
  size_t disk_quota, disk_used;
  pthread_mutex_t disk_lock; /* the size check and the write together */
  pthread_cond_t done;
  unsigned *enosys; /* unimplemented hostcalls by number (< CVM_ENOSYS_MAX),
                       allocated by the first one */
  /* Resource limits the cVM set (hostcall.c, under lock): bit r of
   * rlim_set says rlim[r] ({soft, hard}) holds one; else cvm_rlimit's
   * defaults, from the cVM's quotas. */
  unsigned rlim_set;
  uint64_t rlim[CVM_RLIMITS][2];
  /* Signals (signal.c, under lock): what each does, as rt_sigaction set
   * it (copied in, never read from cVM memory again), and the signals
   * sent to the whole cVM that every thread blocks. */
  struct cvm_sigaction {
    uint64_t handler, flags, restorer, mask;
  } sigact[CVM_NSIG];
  unsigned char sig_bad[CVM_NSIG]; /* the handler may not be entered */
  uint64_t sig_pending;
  struct cvm_sigqueue sigq;
  /* ITIMER_REAL (setitimer, alarm): a monitor thread of the cVM's, made
   * by the first setitimer, sends SIGALRM at `due` (CLOCK_MONOTONIC ns,
   * 0: disarmed), again every `interval` ns; under lock. */
  struct cvm_timer *timer;
};

/* cvm.c: lifecycle. */
struct cvm_config {
  const char *name;
  const char *program; /* path inside root */
  int rootfd;
  const char *cwd;     /* inside root; NULL: "/" */
  const char *libdir;  /* searched before /lib, /usr/lib, /usr/local/lib */
  size_t quota;
  size_t disk;  /* disk quota of writes into the root; 0: none */
  int stdio[3]; /* host fds for the cVM's 0, 1, 2 (dup'ed) */
  int net;
};
int cvm_create(struct orc_store *store, const struct cvm_config *cfg,
               struct cvm **out, char *err, size_t errlen);
/* The link of `program` (a path in the root) and the libraries it needs,
 * from the store or loaded into it, without a cVM (orc inspect); the
 * caller releases it (orc_link_release). 0, or -1 with err. */
int root_link(struct orc_store *store, int rootfd, const char *libdir,
              const char *program, struct orc_link **out, char *err,
              size_t errlen);
/* Starts the main thread with these arguments and environment; returns
 * at once: 0, or -errno (-E2BIG: more than CVM_ARG_MAX bytes of them) with
 * the reason in err. */
int cvm_start(struct cvm *c, char *const *argv, char *const *envp, char *err,
              size_t errlen);
/* Waits until every thread of the cVM has ended; returns its status as
 * a shell would (exit status, or 128 + signal). */
int cvm_wait(struct cvm *c);
void cvm_destroy(struct cvm *c);
/* Called on the cVM's own thread: end the whole cVM (exit_group, a fault
 * or a refused syscall) or this thread only. Does not return. */
void cvm_exit_thread(struct cvm_thread *t, int status) __attribute__((noreturn));
void cvm_kill(struct cvm_thread *t, int status, int sig) __attribute__((noreturn));
/* ORC_HC_THREAD_START: the arguments as the cVM passed them. */
long cvm_thread_start(struct cvm_thread *parent, const uint64_t *a);
/* The cVM's live thread with that id, or NULL; with c->lock held. */
struct cvm_thread *cvm_thread_of(struct cvm *c, long tid);

/* Locks. One per cVM, c->lock, and it protects: the region (every
 * region_* call that changes it: map, unmap, protect, remap, alloc_bytes),
 * the fd table's entries and chunk allocation (fd_alloc, dup, close, the
 * path of a directory fd), c->cwd, the thread list, live_threads, next_tid,
 * state and status. Held only for short, non-blocking work: no system
 * call that may block, no access to cVM memory (guest_* must never be
 * called with it held; a fault there would leave it held), no other lock
 * taken under it. cvm_kill and cvm_exit_thread take it, so they are never
 * called with it held either. Read without it: fd_host and fd_entry (a
 * chunk, once made, stays until fs_free; an entry's host fd is one word),
 * region_allows (the page map's words are atomic; a leaf stays until
 * region_free), c->enosys (atomic). A thread's own struct cvm_thread is
 * its own, but for `exiting`, set by the signal that ends the cVM.
 *
 * mem.c: the region. Every function here but region_allows and
 * region_resident is called with c->lock held (or before the cVM runs). */
/* The region, at [base, base + space) of the window. */
int region_init(struct region *r, char *base, size_t space, size_t quota);
void region_free(struct region *r);
void *region_alloc_bytes(struct region *r, size_t size, size_t align);
void *region_map(struct region *r, size_t len, int prot);
int region_unmap(struct region *r, void *addr, size_t len);
int region_protect(struct region *r, void *addr, size_t len, int prot);
/* The new address of [old, old + oldlen), now newlen long, or NULL with
 * *err = -errno (mremap). */
void *region_remap(struct region *r, void *old, size_t oldlen, size_t newlen,
                   int maymove, long *err);
size_t region_resident(const struct region *r);
/* 1 if every page of [p, p+len) is in the region, allocated and readable
 * (write: writable) as the page map says; len > 0. A snapshot: the pages
 * may change right after (guest.c copes). */
int region_allows(const struct region *r, const void *p, size_t len, int write);

/* guest.c: the one way the monitor reads or writes cVM memory.
 *
 * A cVM pointer is a value the cVM handed over (uint64_t); guest_host is
 * the only place that turns one into a host address. Memory the cVM may
 * read: its region's readable pages and the objects it links (code,
 * read-only data); may write: its region's writable pages. Anything else,
 * monitor memory included, is -EFAULT without being touched.
 *
 * guest_read/guest_write/guest_strcpy check, then copy with a fault
 * recovery: if the pages change between the check and the copy (another
 * thread of the cVM unmaps or protects them, a shared file mapping is
 * truncated), the fault is caught (fault.c calls guest_fault), the copy
 * stops and the call returns -EFAULT. They never run with a cVM lock held
 * and never kill the cVM. The recovery finds the calling cVM thread by
 * its kernel thread id (thread_self: registered for every cVM thread); the
 * one other caller, cvm_start writing the initial stack, writes pages no
 * cVM thread can reach yet. Returns 0 or -EFAULT (guest_strcpy also
 * -ENAMETOOLONG: no NUL in max bytes). The caller owns both buffers.
 *
 * guest_buf hands a checked range to the kernel (read(2)'s buffer, a
 * getdents buffer): the kernel's own copy then answers EFAULT for a page
 * that changed since the check, and cannot reach anything but the cVM's
 * memory, because the region's address space stays the cVM's until
 * cvm_destroy (unmapping maps a fresh reservation over, mremap keeps the
 * old range mapped). NULL if the check fails; len may be 0. */
void *guest_buf(struct cvm *c, uint64_t p, size_t len, int write);
/* The host address of cVM pointer p, unchecked: for the region's own
 * calls (munmap, mprotect...), which check it against the region. */
void *guest_host(const struct cvm *c, uint64_t p);
long guest_read(struct cvm *c, void *dst, uint64_t src, size_t len);
long guest_write(struct cvm *c, uint64_t dst, const void *src, size_t len);
long guest_strcpy(struct cvm *c, char *dst, uint64_t src, size_t max);
/* An atomic compare-and-swap of the cVM's aligned, writable 32-bit word
 * at p (futex words: robust lists, PI locks): *seen gets the value found
 * (the swap happened if it is old). 0, or -EFAULT (checked as guest_write,
 * a fault recovered as in the copy). */
long guest_cas(struct cvm *c, uint64_t p, uint32_t old, uint32_t new,
               uint32_t *seen);
/* fault.c's handler, first: 1 if the fault at `addr` is inside guest.c's
 * copy on thread t (the handler returns and the copy answers -EFAULT). */
int guest_fault(struct cvm_thread *t, void *ucontext, void *addr);

/* hostcall.c */
long orc_dispatch(struct cvm_thread *t);
/* At a thread's end (cvm.c, before its clear_tid): its robust list
 * walked as Linux's exit_robust_list does. */
void cvm_robust_exit(struct cvm_thread *t);
/* The cVM's soft limit of resource r (RLIMIT_*), c->lock held. */
uint64_t cvm_rlimit(const struct cvm *c, int r);
/* How many fds the cVM may number: its table, cut by RLIMIT_NOFILE's soft
 * limit (lock held). */
int cvm_max_fds(const struct cvm *c);
extern int orc_fsgsbase; /* segments.c: FSGSBASE instructions usable */

/* fs.c: file hostcalls, confined to the root. */
long fs_hostcall(struct cvm_thread *t, long nr, const uint64_t *a, int *handled);
/* Gives host fd `host` the cVM's lowest free fd >= min (closes it and
 * returns -EMFILE if there is none). */
int fd_alloc(struct cvm *c, int host, int min);
/* The host fd behind the cVM's fd, or -EBADF. */
int fd_host(struct cvm *c, long fd);
/* Marks the cVM's fd as one the monitor gave (cvm_create's stdio). */
void fd_given(struct cvm *c, int fd);
/* openat2(rootfd, path, RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS), O_CLOEXEC
 * added: the fd, or -errno. */
long root_open_path(int rootfd, const char *path, long flags, long mode);
/* A cVM's iovec array copied in and every buffer checked (fs.c). */
#define IOV_SMALL 8
struct iovec;
long iov_copy(struct cvm *c, uint64_t uiov, size_t cnt, int write,
              struct iovec *small, struct iovec **out);
/* Frees the cVM's cwd and fd table (closing every fd). */
void fs_free(struct cvm *c);
/* net.c: sockets (when the cVM may network), poll, epoll. */
long net_hostcall(struct cvm_thread *t, long nr, const uint64_t *a, int *handled);

/* setup.c: once per process, before any thread; the shared store. */
void monitor_init(void);
struct orc_store *monitor_store(void);
extern int monitor_insecure_no_verify;
/* What the gate keeps of a return address: C1's mask (gate.S, setup.c). */
extern uint32_t orc_return_mask;
/* Says loudly what --insecure-no-verify gives up. */
void monitor_warn_insecure(const char *cmd);
/* A size: decimal bytes, or with a suffix K, M, G or T (powers of 1024),
 * from 1 to max. 0 and *out set, or -1 with why not (the value and the
 * limit) in err; the caller names the option or field. */
int parse_size(const char *s, size_t max, size_t *out, char *err,
               size_t errlen);

/* host.c: after the caller opened what it needs from the host (roots,
 * output files) and before any cVM: raise RLIMIT_NOFILE for `cvms` cVMs
 * and `fds` host fds the caller holds, drop root to `user` ("name[:group]"
 * or "uid[:gid]"; NULL: nobody when root, else stay), install the seccomp
 * filter. 0, or -1 with the reason in err. cvm_create and root_link
 * refuse to run before it. */
struct monitor_plan {
  const char *user;
  size_t cvms, fds;
};
int monitor_confine(const struct monitor_plan *p, char *err, size_t errlen);
int monitor_confined(void);
/* Each cVM's fd account: CVM_FD_ACCOUNT, or the equal share of
 * RLIMIT_NOFILE that `cvms` cVMs leave each other. */
int monitor_fd_account(void);

/* confine.c: the code zone and the seccomp filter. */
int confine_init(void);
/* After the drop of root: the filter, for every thread. */
int confine_filter(void);
/* The code zone, and the memfd behind it (*fd, if fd is not NULL). */
void *confine_arena(size_t *size, int *fd);

/* window.c: cVM windows. window_init: at set-up, the tables' memfd. */
int window_init(void);
/* Reserves a free window (PROT_NONE) and returns W, or NULL with a
 * message in err naming the limit that was reached. */
char *window_new(char *err, size_t errlen);
void window_free(char *w);
/* The capability table of window w (n entries), cleared, for the monitor
 * to write (its own mapping of the same pages the window shows
 * read-only at W + WINDOW_CTABLE). */
uint64_t *window_ctable(char *w, size_t n);
/* The window for a cVM of link l with an n-slot table: its table mapped
 * read-only at W + WINDOW_CTABLE (window_ctable gives the monitor's side)
 * and the link's objects' readable bytes read-only at W + their code-zone
 * address (the shared view), templates left out; a parked window of the
 * same shape if there is one, else a new one. *key goes back with it to
 * window_close, which empties the region and parks the window. NULL with
 * the reason in err. */
struct window_key;
char *window_open(const struct orc_link *l, size_t n, struct window_key **key,
                  char *err, size_t errlen);
void window_close(char *w, struct window_key *key);
size_t window_parked(void); /* how many are parked now */
/* Windows in use now, and the most this process can hold. */
size_t window_count(size_t *max);

/* fault.c */
void fault_init(void);
void thread_signals_init(struct cvm_thread *t);

/* signal.c: cVM signals. signal_hostcall serves rt_sigaction,
 * rt_sigprocmask, sigaltstack, kill, tkill, tgkill, rt_sigqueueinfo,
 * rt_tgsigqueueinfo, rt_sigpending, rt_sigsuspend, rt_sigtimedwait,
 * pause and rt_sigreturn (*handled = 1 for those). */
long signal_hostcall(struct cvm_thread *t, long nr, const uint64_t *a,
                     int *handled);
/* The host handler of SIG_CVM_SIG, and the fault handler's question: 1 if
 * the synchronous fault `sig` in cVM code was turned into a frame for
 * the cVM's own handler (the host handler then returns into it). */
void signal_on_host(int sig, siginfo_t *si, void *uc);
int signal_fault(struct cvm_thread *t, int sig, siginfo_t *si, void *uc);
/* At a thread's end: what signal.c allocated for it; at cvm_destroy, the
 * cVM's timer thread stopped. */
void signal_thread_free(struct cvm_thread *t);
void signal_cvm_free(struct cvm *c);
/* hostcall.c's table, for a restarted hostcall (signal.c). */
long hostcall_dispatch(struct cvm_thread *t);
extern int orc_host_pid, orc_sig_deliver; /* read by gate.S */

/* gate.S and fs switching (hostcall.c) */
void orc_gate(void);
void orc_enter(struct cvm_thread *t, void *entry, void *stack)
    __attribute__((noreturn));
void orc_enter_call(struct cvm_thread *t, void *fn, void *arg, void *stack)
    __attribute__((noreturn));
/* segments.c: FS/GS switching (safe with the cVM's FS loaded). */
void orc_fs_to_host(struct cvm_thread *t);
/* FS = the recorded cVM FS and GS = W (set only if slot 1 through GS is
 * not W): what cVM code runs with. */
void orc_fs_to_cvm(struct cvm_thread *t);
void orc_set_gs(void *base);
/* The cVM thread running on this host thread, from the kernel's thread
 * id, or NULL; thread_register(t) / thread_register(NULL) at its start
 * and end. Nothing the cVM can write is read. */
struct cvm_thread *thread_self(void);
int thread_register(struct cvm_thread *t);

#endif

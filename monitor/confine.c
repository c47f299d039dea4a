/* Confinement: the code zone and the seccomp filter.
 *
 * The address space below 6 GiB (docs/architecture.md):
 *   [0, 2 GiB)       reserved, inaccessible
 *   [2 GiB, 4 GiB)   the code zone: every ORC object of the store, and
 *                    nothing else; the only executable bytes below 4 GiB
 *   [4 GiB, 6 GiB)   reserved, inaccessible
 * so that a RIP-relative access from cVM code (reach +-2 GiB) can only
 * touch the code zone, which holds nothing writable. The zone is one
 * MAP_SHARED mapping of a memfd, offset = address - 2 GiB, so that each
 * cVM window can show the same pages again (window.c).
 *
 * The filter, installed for every thread of the process once the monitor
 * has dropped its privileges (host.c), decides in this order:
 *
 *   1. a system call whose instruction lies in the code zone is cVM
 *      code's: it traps (SIGSYS), which kills that cVM only (fault.c). cVM
 *      memory is never executable, so all code outside the zone is the
 *      monitor's (and its libraries');
 *   2. a call from monitor code that is not x86-64 (an int $0x80), or not
 *      on the allow-list below, or on it with arguments it does not allow,
 *      kills the whole process: the monitor never makes one, so if it
 *      does it is compromised (or has a bug the tests missed), and no
 *      tenant should keep running in it. Answering an error instead would
 *      let an attacker probe the list at leisure.
 *
 * The list is what the hostcalls (hostcall.c, fs.c, net.c), the cVM
 * lifecycle (cvm.c, fault.c, gate.S, window.c), the loader and glibc under
 * them use after set-up, each with who needs it and why it is safe. What
 * it cannot check (paths, openat2's struct) is bounded by the drop of
 * root: the monitor opens host files as an unprivileged user. A process
 * that embeds the monitor and wants children forks them before
 * confinement: execve, fork and ptrace are not on the list (the filter
 * outlives exec, and a child's code could lie anywhere). */
#define _GNU_SOURCE
#include "monitor.h"

#include <asm/prctl.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined ORC_BENCH_UNCONFINED && !defined ORC_NO_FILTER
#define ORC_NO_FILTER /* valgrind refuses seccomp too */
#endif

static int zone_fd = -1;

void *confine_arena(size_t *size, int *fd) {
  *size = CODE_ZONE_SIZE;
  if (fd)
    *fd = zone_fd;
  return zone_fd >= 0 ? (void *)CODE_ZONE_BASE : NULL;
}

/* PROT_NONE at exactly [lo, hi), or -errno (EEXIST: something is there). */
static int reserve(uintptr_t lo, uintptr_t hi) {
  void *m = mmap((void *)lo, hi - lo, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                 -1, 0);
  if (m == MAP_FAILED)
    return -errno;
  if ((uintptr_t)m != lo) { /* a kernel without MAP_FIXED_NOREPLACE */
    munmap(m, hi - lo);
    return -EEXIST;
  }
  return 0;
}

static int low_space(void) {
  uintptr_t min = 65536; /* vm.mmap_min_addr, at most 64 KiB by default */
  FILE *f = fopen("/proc/sys/vm/mmap_min_addr", "r");
  unsigned long v;
  if (f && fscanf(f, "%lu", &v) == 1)
    min = (v + 4095) & ~4095ul;
  if (f)
    fclose(f);
  int r = reserve(min, CODE_ZONE_BASE);
  if (!r)
    r = reserve(CODE_ZONE_BASE + CODE_ZONE_SIZE, 6ull << 30);
#ifdef ORC_BENCH_UNCONFINED /* valgrind itself lives below 2 GiB */
  r = 0;
#endif
  if (r)
    return r;
  zone_fd = (int)syscall(SYS_memfd_create, "orc-code-zone", MFD_CLOEXEC);
  if (zone_fd < 0 || ftruncate(zone_fd, CODE_ZONE_SIZE))
    return -errno;
  void *z = mmap((void *)CODE_ZONE_BASE, CODE_ZONE_SIZE, PROT_NONE,
                 MAP_SHARED | MAP_NORESERVE | MAP_FIXED_NOREPLACE, zone_fd, 0);
  if (z == MAP_FAILED)
    return -errno;
  return z == (void *)CODE_ZONE_BASE ? 0 : -EEXIST;
}

int confine_init(void) {
  int r = low_space();
  return r ? r : window_init();
}

/* ---- The allow-list ------------------------------------------------------ */

/* How an entry checks its arguments (the low 32 bits of argument `arg`;
 * where the kernel reads more, the upper half must be zero). */
enum check {
  ANY,     /* no argument check */
  ONE_OF,  /* the argument is one of v[] */
  MASKED,  /* (argument & ~v[1]) == v[0]: these bits, and optionally those */
  NO_BITS, /* (argument & v[0]) == 0 */
  EXEC_IN_ZONE, /* PROT_EXEC (v[0] bit of argument 2) only at a code zone address */
  OWN_PID, /* the argument is this process's id */
};

struct rule {
  int nr;
  enum check check;
  int arg;
  uint32_t v[8];
  int nv;
};

#define ALLOW(nr) {nr, ANY, 0, {0}, 0}
#define ONE(nr, arg, ...)                                                      \
  {nr, ONE_OF, arg, {__VA_ARGS__},                                             \
   sizeof((uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t)}

/* Thread creation, as glibc's pthread_create asks for it; nothing that
 * makes a process or a namespace. */
#define THREAD_FLAGS                                                           \
  (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |         \
   CLONE_SYSVSEM)
#define THREAD_OPTIONAL                                                        \
  (CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED)

static const struct rule rules[] = {
    /* Files: the cVMs' fds (fs.c), the monitor's stdio and the objects the
     * loader reads. Every path is resolved in a cVM's root by openat2
     * (root_open_path) or relative to a directory fd from it. */
    ALLOW(SYS_read), ALLOW(SYS_write), ALLOW(SYS_pread64), ALLOW(SYS_pwrite64),
    ALLOW(SYS_readv), ALLOW(SYS_writev), ALLOW(SYS_preadv), ALLOW(SYS_pwritev),
    ALLOW(SYS_lseek), ALLOW(SYS_close), ALLOW(SYS_fsync), ALLOW(SYS_fdatasync),
    ALLOW(SYS_ftruncate), ALLOW(SYS_getdents64),
    ALLOW(SYS_openat2),    /* the only open: its RESOLVE_IN_ROOT is in a struct
                              the filter cannot read; the drop of root bounds it */
    ALLOW(SYS_fstat),      /* fstat of a host fd */
    ALLOW(SYS_newfstatat), /* glibc's fstat (AT_EMPTY_PATH) */
    ALLOW(SYS_faccessat2), /* access, on an O_PATH fd (AT_EMPTY_PATH) */
    ALLOW(SYS_mkdirat), ALLOW(SYS_unlinkat), ALLOW(SYS_renameat2),
    ALLOW(SYS_symlinkat), ALLOW(SYS_readlinkat), /* on a parent fd in a root */
    ALLOW(SYS_pipe2),
    /* fcntl: dup to a new host fd, fd/status flags, open-file-description
     * locks (what the hostcall maps every lock to). Not F_SETOWN/F_SETSIG
     * (signals to another process) nor leases. */
    ONE(SYS_fcntl, 1, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL,
        F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW),
    /* ioctl: the terminal's size (the hostcall) and glibc's isatty
     * (TCGETS, when stdout is first used); both only read. */
    ONE(SYS_ioctl, 1, TCGETS, TIOCGWINSZ),
    /* Sockets, for cVMs allowed to network (net.c): Internet ones only, as
     * the hostcall makes them (a Unix socket's address is a host path). */
    ONE(SYS_socket, 0, AF_INET, AF_INET6),
    ALLOW(SYS_bind), ALLOW(SYS_connect), ALLOW(SYS_listen), ALLOW(SYS_accept4),
    ALLOW(SYS_sendto), ALLOW(SYS_recvfrom), ALLOW(SYS_sendmsg),
    ALLOW(SYS_recvmsg), ALLOW(SYS_setsockopt), ALLOW(SYS_getsockopt),
    ALLOW(SYS_getsockname), ALLOW(SYS_getpeername), ALLOW(SYS_shutdown),
    ALLOW(SYS_poll), ALLOW(SYS_ppoll), ALLOW(SYS_epoll_create1),
    ALLOW(SYS_epoll_ctl), ALLOW(SYS_epoll_wait), ALLOW(SYS_epoll_pwait),

    /* Memory: cVM regions (mem.c), the store's objects (loader), glibc's
     * malloc and thread stacks, the windows and their views (window.c).
     * Code is made only by the loader's mprotect inside the code zone;
     * nothing is ever mapped executable. */
    {SYS_mmap, NO_BITS, 2, {PROT_EXEC}, 1},
    {SYS_mprotect, EXEC_IN_ZONE, 2, {PROT_EXEC}, 1},
    /* The loader gives an unloaded object's pages (and every template's)
     * back to the code zone's memfd; only a hole, never a file's size. */
    ONE(SYS_fallocate, 1, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE),
    ALLOW(SYS_munmap), ALLOW(SYS_mremap), /* mremap keeps the protection */
    ALLOW(SYS_brk),     /* glibc's main heap */
    ALLOW(SYS_mincore), /* what a cVM holds resident (deploy's summary) */
    /* madvise: advice that drops or hints at pages the caller holds; not
     * KSM merging (a channel between tenants), hugepages, poisoning or
     * hole punching in files (mem.c's hostcall allows the same). */
    ONE(SYS_madvise, 2, MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL,
        MADV_WILLNEED, MADV_DONTNEED, MADV_FREE),

    /* Threads: one host thread per cVM thread (cvm.c). clone only for a
     * thread; clone3 keeps its flags in memory the filter cannot read, so
     * it answers ENOSYS (below) and glibc falls back to clone. */
    {SYS_clone, MASKED, 0, {THREAD_FLAGS, THREAD_OPTIONAL}, 2},
    ALLOW(SYS_set_robust_list), ALLOW(SYS_rseq), /* a new glibc thread */
    ALLOW(SYS_futex),          /* glibc's locks; the hostcall (private only) */
    ALLOW(SYS_sched_yield),
    ALLOW(SYS_exit), ALLOW(SYS_exit_group),
    ALLOW(SYS_getpid), ALLOW(SYS_gettid), /* glibc's raise and pthread_kill */
    /* FS and GS: the gate and segments.c without FSGSBASE; nothing else
     * (not ARCH_SET_CPUID or the vDSO's placement). */
    ONE(SYS_arch_prctl, 0, ARCH_SET_FS, ARCH_GET_FS, ARCH_SET_GS, ARCH_GET_GS),

    /* Signals: faults and the end of a cVM (fault.c), only to the monitor's
     * own threads. */
    ALLOW(SYS_rt_sigaction), ALLOW(SYS_rt_sigprocmask), ALLOW(SYS_rt_sigreturn),
    ALLOW(SYS_sigaltstack), ALLOW(SYS_restart_syscall),
    {SYS_tgkill, OWN_PID, 0, {0}, 0},

    /* Time: the hostcalls (clock ids checked there) and the deploy
     * summary; the vDSO serves most without a system call. */
    ALLOW(SYS_clock_gettime), ALLOW(SYS_clock_getres), ALLOW(SYS_gettimeofday),
    ALLOW(SYS_clock_nanosleep), ALLOW(SYS_nanosleep),
    ALLOW(SYS_getrandom), /* AT_RANDOM for a cVM's start; the hostcall */
    ALLOW(SYS_sysinfo),   /* glibc's qsort sizes its buffer by it */
};

/* Appends instructions to f at *n (room is checked by the caller). */
#define EMIT(...) (f[(*n)++] = (struct sock_filter)__VA_ARGS__)
#define LOAD(field) EMIT(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, field))
#define ARG_LO(i) offsetof(struct seccomp_data, args[i])
#define ARG_HI(i) (offsetof(struct seccomp_data, args[i]) + 4)
#define RET(v) EMIT(BPF_STMT(BPF_RET | BPF_K, v))

/* One rule: "if nr matches, check, then allow or kill"; the next rule
 * otherwise. Jumps are relative: the JEQ on nr learns the rule's length
 * once it is written. */
static void emit_rule(struct sock_filter *f, unsigned *n, const struct rule *r,
                      uint32_t pid) {
  unsigned at = *n;
  EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)r->nr, 0, 0));
  switch (r->check) {
  case ANY:
    break;
  case ONE_OF:
  case OWN_PID:
    LOAD(ARG_HI(r->arg));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0));
    RET(SECCOMP_RET_KILL_PROCESS);
    LOAD(ARG_LO(r->arg));
    if (r->check == OWN_PID) {
      EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, pid, 1, 0));
    } else {
      for (int i = 0; i < r->nv; i++) /* the i-th jumps over the rest */
        EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, r->v[i],
                      (uint8_t)(r->nv - i), 0));
    }
    RET(SECCOMP_RET_KILL_PROCESS);
    break;
  case MASKED:
    LOAD(ARG_HI(r->arg));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0));
    RET(SECCOMP_RET_KILL_PROCESS);
    LOAD(ARG_LO(r->arg));
    EMIT(BPF_STMT(BPF_ALU | BPF_AND | BPF_K, ~r->v[1]));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, r->v[0], 1, 0));
    RET(SECCOMP_RET_KILL_PROCESS);
    break;
  case NO_BITS:
    LOAD(ARG_LO(r->arg));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, r->v[0], 0, 1));
    RET(SECCOMP_RET_KILL_PROCESS);
    break;
  case EXEC_IN_ZONE: /* no PROT_EXEC, or an address in [2 GiB, 4 GiB) */
    LOAD(ARG_LO(r->arg));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, r->v[0], 0, 5));
    LOAD(ARG_HI(0));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2));
    LOAD(ARG_LO(0));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, (uint32_t)CODE_ZONE_BASE, 1, 0));
    RET(SECCOMP_RET_KILL_PROCESS);
    break;
  }
  RET(SECCOMP_RET_ALLOW);
  /* Not this call: on to the next rule, with nr still loaded (every path
   * through the checks ends in a return). */
  f[at].jf = (uint8_t)(*n - at - 1);
}

int confine_filter(void) {
  static struct sock_filter buf[512];
  struct sock_filter *f = buf;
  unsigned count = 0, *n = &count;
  /* 1. cVM code: the instruction pointer in [2 GiB, 4 GiB). */
  LOAD(offsetof(struct seccomp_data, instruction_pointer) + 4);
  EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3));
  LOAD(offsetof(struct seccomp_data, instruction_pointer));
  EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, (uint32_t)CODE_ZONE_BASE, 0, 1));
  RET(SECCOMP_RET_TRAP);
  /* 2. Monitor code: x86-64 only (x32 numbers match no rule). */
  LOAD(offsetof(struct seccomp_data, arch));
  EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
  RET(SECCOMP_RET_KILL_PROCESS);
  LOAD(offsetof(struct seccomp_data, nr));
  EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1));
  RET(SECCOMP_RET_ERRNO | ENOSYS);
  for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
    if (count + 32 > sizeof buf / sizeof *buf)
      return -E2BIG;
    emit_rule(f, n, &rules[i], (uint32_t)getpid());
  }
  RET(SECCOMP_RET_KILL_PROCESS); /* not on the list */
  struct sock_fprog prog = {(unsigned short)count, buf};
#ifdef ORC_NO_FILTER /* orc-bench-unconfined only: valgrind refuses seccomp */
  (void)prog;
#else
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
      syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC,
              &prog))
    return -errno;
#endif
  return 0;
}

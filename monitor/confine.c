/* Confinement: the object arena and the seccomp filter.
 *
 * Every ORC object is mapped inside one arena of address space reserved
 * here at start-up, aligned to 4 GiB so that its bounds are whole values
 * of the instruction pointer's upper half. The filter, installed for every
 * thread of the process once the monitor has dropped its privileges
 * (host.c), decides in this order:
 *
 *   1. a system call whose instruction lies in the arena is cVM code's:
 *      it traps (SIGSYS), which kills that cVM only (fault.c). cVM memory
 *      is never executable, so all code outside the arena is the
 *      monitor's (and its libraries');
 *   2. a call from monitor code that is not x86-64 (an int $0x80), or not
 *      on the allow-list below, or on it with arguments it does not allow,
 *      kills the whole process: the monitor never makes one, so if it
 *      does it is compromised (or has a bug the tests missed), and no
 *      tenant should keep running in it. Answering an error instead would
 *      let an attacker probe the list at leisure.
 *
 * The list is what the hostcalls (hostcall.c, fs.c, net.c), the cVM
 * lifecycle (cvm.c, fault.c, gate.S), the loader and glibc under them use
 * after set-up, each with who needs it and why it is safe. What it cannot
 * check (paths, openat2's struct) is bounded by the drop of root: the
 * monitor opens host files as an unprivileged user. A process that
 * embeds the monitor and wants children forks them before confinement:
 * execve, fork and ptrace are not on the list. */
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
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GiB (1ull << 30)
#ifdef ORC_NO_FILTER /* valgrind maps at most 32 GiB at once */
#define ARENA_SIZE (16 * GiB)
#else
#define ARENA_SIZE (64 * GiB)
#endif

static char *arena;

void *confine_arena(size_t *size) {
  *size = ARENA_SIZE;
  return arena;
}

int confine_init(void) {
  size_t span = ARENA_SIZE + 4 * GiB;
  char *m = mmap(NULL, span, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED)
    return -errno;
  char *a = (char *)(((uintptr_t)m + 4 * GiB - 1) & ~(uintptr_t)(4 * GiB - 1));
  if (a > m)
    munmap(m, (size_t)(a - m));
  munmap(a + ARENA_SIZE, (size_t)(m + span - (a + ARENA_SIZE)));
  arena = a;
  return 0;
}

/* ---- The allow-list ------------------------------------------------------ */

/* How an entry checks its arguments (the low 32 bits of argument `arg`;
 * where the kernel reads more, the upper half must be zero). */
enum check {
  ANY,     /* no argument check */
  ONE_OF,  /* the argument is one of v[] */
  MASKED,  /* (argument & ~v[1]) == v[0]: these bits, and optionally those */
  NO_BITS, /* (argument & v[0]) == 0 */
  EXEC_IN_ARENA, /* PROT_EXEC (v[0] bit of argument 2) only at an arena address */
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
     * malloc and thread stacks. Code is made only by the loader's
     * mprotect inside the arena; nothing is ever mapped executable. */
    {SYS_mmap, NO_BITS, 2, {PROT_EXEC}, 1},
    {SYS_mprotect, EXEC_IN_ARENA, 2, {PROT_EXEC}, 1},
    ALLOW(SYS_munmap), ALLOW(SYS_mremap), /* mremap keeps the protection */
    ALLOW(SYS_brk),     /* glibc's main heap */
    ALLOW(SYS_mincore), /* what a cVM holds resident (deploy's summary) */
    /* madvise: advice that drops or hints at pages the caller holds; not
     * KSM merging (a channel between tenants), asking for hugepages,
     * poisoning or hole punching in files (mem.c's hostcall allows the
     * first six). NOHUGEPAGE and DONTDUMP only take something away from
     * the caller's own mappings; AddressSanitizer's runtime (orc-asan)
     * sets them on its shadow memory. */
    ONE(SYS_madvise, 2, MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL,
        MADV_WILLNEED, MADV_DONTNEED, MADV_FREE, MADV_NOHUGEPAGE,
        MADV_DONTDUMP),

    /* Threads: one host thread per cVM thread (cvm.c). clone only for a
     * thread; clone3 keeps its flags in memory the filter cannot read, so
     * it answers ENOSYS (below) and glibc falls back to clone. */
    {SYS_clone, MASKED, 0, {THREAD_FLAGS, THREAD_OPTIONAL}, 2},
    ALLOW(SYS_set_robust_list), ALLOW(SYS_rseq), /* a new glibc thread */
    ALLOW(SYS_futex),          /* glibc's locks; the hostcall (private only) */
    ALLOW(SYS_sched_yield),
    /* Reads which CPUs a thread may use and changes nothing; glibc's
     * pthread_getattr_np asks it (AddressSanitizer's thread start). */
    ALLOW(SYS_sched_getaffinity),
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
                      uint32_t arena_lo, uint32_t arena_hi, uint32_t pid) {
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
  case EXEC_IN_ARENA: /* no PROT_EXEC, or an address in the arena */
    LOAD(ARG_LO(r->arg));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, r->v[0], 0, 4));
    LOAD(ARG_HI(0));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, arena_lo, 0, 1));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, arena_hi, 0, 1));
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
  uint32_t lo = (uint32_t)((uintptr_t)arena >> 32);
  uint32_t hi = (uint32_t)(((uintptr_t)arena + ARENA_SIZE) >> 32);
  /* 1. cVM code: the upper half of the instruction pointer in the arena. */
  LOAD(offsetof(struct seccomp_data, instruction_pointer) + 4);
  EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, lo, 0, 2));
  EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, hi, 1, 0));
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
    emit_rule(f, n, &rules[i], lo, hi, (uint32_t)getpid());
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

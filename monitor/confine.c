/* Confinement: only the monitor's own code may enter the kernel.
 *
 * Every ORC object is mapped inside one arena of address space reserved
 * here at start-up, aligned to 4 GiB so that its bounds are whole values
 * of the instruction pointer's upper half. The seccomp filter, installed
 * for every thread of the process, looks only at that upper half: a
 * system call whose instruction lies in the arena traps (SIGSYS, which
 * kills the cVM, fault.c); any other is allowed, since cVM memory is never
 * executable and so all other code is the monitor's.
 *
 * The filter outlives exec: a process the monitor (or a program embedding
 * it) spawns keeps it. So the arena is asked for at 16 TiB, far below
 * where Linux puts a new process's mappings (its executable near 85 TiB,
 * libraries and stack near 128 TiB), so that no child's code lies in it
 * (test/monitor/test_spawn.c). */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GiB (1ull << 30)
#ifdef ORC_BENCH_UNCONFINED /* valgrind maps at most 32 GiB at once */
#define ARENA_SIZE (16 * GiB)
#else
#define ARENA_SIZE (64 * GiB)
#endif

static char *arena;

void *confine_arena(size_t *size) {
  *size = ARENA_SIZE;
  return arena;
}

#define ARENA_HINT ((void *)(16ull << 40))

int confine_init(void) {
  size_t span = ARENA_SIZE + 4 * GiB;
  char *m = mmap(ARENA_HINT, span, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED)
    return -errno;
  char *a = (char *)(((uintptr_t)m + 4 * GiB - 1) & ~(uintptr_t)(4 * GiB - 1));
  if (a > m)
    munmap(m, (size_t)(a - m));
  munmap(a + ARENA_SIZE, (size_t)(m + span - (a + ARENA_SIZE)));
  arena = a;
  uint32_t lo = (uint32_t)((uintptr_t)a >> 32);
  uint32_t hi = (uint32_t)(((uintptr_t)a + ARENA_SIZE) >> 32);
  struct sock_filter f[] = {
      /* Not x86-64 (an int $0x80 from a 32-bit ABI): refuse. */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
      /* The upper half of the instruction pointer. */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
               offsetof(struct seccomp_data, instruction_pointer) + 4),
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, lo, 0, 2), /* below: allow */
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, hi, 1, 0), /* above: allow */
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),   /* in the arena */
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {sizeof f / sizeof *f, f};
#ifdef ORC_BENCH_UNCONFINED /* orc-bench-unconfined only: valgrind refuses seccomp */
  (void)prog;
#else
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
      syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC,
              &prog))
    return -errno;
#endif
  return 0;
}

/* Confinement: the code zone, and only the monitor's own code may enter
 * the kernel.
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
 * The seccomp filter, installed for every thread of the process, traps a
 * system call whose instruction pointer lies in the code zone (SIGSYS,
 * which kills the cVM, fault.c); any other is allowed, since cVM memory
 * is never executable and so all other code is the monitor's.
 *
 * The filter outlives exec: a process the monitor (or a program embedding
 * it, or a benchmark) spawns keeps it. A child is unaffected as long as
 * none of its own code lies in [2 GiB, 4 GiB): Linux puts a PIE
 * executable near 2/3 of the address space (85 TiB), libraries, the vDSO
 * and other mappings top-down from below the stack (128 TiB; bottom-up
 * from 42 TiB in the legacy layout), and a non-PIE executable at its link
 * address (0x400000 by default); MAP_32BIT mappings lie in [1 GiB, 2 GiB).
 * A fixed range is never "where the kernel happened to put the arena"
 * (test/monitor/test_spawn.c). */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

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
  if (r)
    return r;
  struct sock_filter f[] = {
      /* Not x86-64 (an int $0x80 from a 32-bit ABI): refuse. */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
      /* The instruction pointer: upper half 0, lower half >= 2 GiB. */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
               offsetof(struct seccomp_data, instruction_pointer) + 4),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3), /* >= 4 GiB: allow */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
               offsetof(struct seccomp_data, instruction_pointer)),
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, (uint32_t)CODE_ZONE_BASE, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP), /* in the code zone */
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

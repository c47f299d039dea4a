/* FS and GS: the two segment bases the monitor switches.
 *
 * GS is the running cVM's window base W in cVM code (its capability
 * table lies at W + ORC_CTABLE_OFFSET); the monitor never reads it. FS is
 * musl's thread pointer in cVM code and glibc's in the monitor. The FS switches run on the gate's path and in signal
 * handlers with the cVM's FS still loaded: no stack protector, no TLS and
 * no libc until FS is the monitor's again. With FSGSBASE (Linux >= 5.9 and
 * the CPU's) they are single instructions; otherwise a raw arch_prctl. */
#define _GNU_SOURCE
#include "monitor.h"

#include <asm/prctl.h>
#include <immintrin.h>
#include <sys/mman.h>
#include <sys/syscall.h>

int orc_fsgsbase;

static inline __attribute__((always_inline)) long raw_arch_prctl(long code,
                                                                 long addr) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "0"((long)SYS_arch_prctl), "D"(code), "S"(addr)
                   : "rcx", "r11", "memory");
  return ret;
}

/* cVM threads by the kernel's thread id: the one per-thread identity cVM
 * code cannot forge (FS and GS bases it can write with wrfsbase and
 * wrgsbase on this machine kind). Reserved for every possible id
 * (PID_MAX_LIMIT, 2^22) and committed only where a cVM thread's id falls;
 * each entry is written and read by its own thread only. gate.S reads it. */
#define TID_LIMIT (1u << 22)
__attribute__((visibility("hidden"))) struct cvm_thread **orc_tid_table;

static inline __attribute__((always_inline)) long raw_gettid(void) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "0"((long)SYS_gettid)
                   : "rcx", "r11", "memory");
  return ret;
}

static void tid_table_init(void) {
  void *m = mmap(NULL, TID_LIMIT * sizeof *orc_tid_table, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  orc_tid_table = m == MAP_FAILED ? NULL : m;
}

int thread_register(struct cvm_thread *t) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, tid_table_init);
  if (!orc_tid_table)
    return -1;
  static __thread long tid; /* the monitor's TLS: its FS is loaded here */
  if (t)
    tid = raw_gettid() & (TID_LIMIT - 1);
  orc_tid_table[tid] = t;
  return 0;
}

__attribute__((no_stack_protector)) struct cvm_thread *thread_self(void) {
  return orc_tid_table ? orc_tid_table[raw_gettid() & (TID_LIMIT - 1)] : NULL;
}

/* The cVM's FS is the one the monitor set (thread start); what cVM code
 * may have written itself is not kept across a hostcall. */
__attribute__((no_stack_protector, target("fsgsbase"))) void
orc_fs_to_host(struct cvm_thread *t) {
  if (orc_fsgsbase)
    _writefsbase_u64(t->host_fs);
  else
    raw_arch_prctl(ARCH_SET_FS, (long)t->host_fs);
  t->in_monitor = 1;
}

/* GS is set again only when slot 1 read through it is not W: on this
 * machine kind each arch_prctl costs about as much as the rest of a small
 * hostcall. A GS the cVM moved elsewhere is put back; one moved to a copy
 * of its own table (W in slot 1 too) is left, since it reaches nothing the
 * real one does not; a junk GS faults here and the fault handler ends
 * the cVM. GS must be W or junk, not 0, on the way in: thread_main sets
 * it before the first entry. */
__attribute__((no_stack_protector, target("fsgsbase"))) void
orc_fs_to_cvm(struct cvm_thread *t) {
  uint64_t seen;
  t->in_monitor = 0;
  if (orc_fsgsbase)
    _writefsbase_u64(t->cvm_fs);
  else
    raw_arch_prctl(ARCH_SET_FS, (long)t->cvm_fs);
  __asm__ volatile("mov %%gs:%c1, %0"
                   : "=r"(seen)
                   : "i"(ORC_CTABLE_OFFSET + 8 * ORC_SLOT_WINDOW));
  if (seen != t->window)
    orc_set_gs((void *)t->window);
}

__attribute__((no_stack_protector, target("fsgsbase"))) void
orc_set_gs(void *base) {
  if (orc_fsgsbase)
    _writegsbase_u64((unsigned long long)base);
  else
    raw_arch_prctl(ARCH_SET_GS, (long)base);
}

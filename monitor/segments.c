/* FS and GS: the two segment bases the monitor switches.
 *
 * GS points at the running thread's capability table, in cVM code and in
 * the monitor alike; FS is musl's thread pointer in cVM code and glibc's in
 * the monitor. The FS switches run on the gate's path and in signal
 * handlers with the cVM's FS still loaded: no stack protector, no TLS and
 * no libc until FS is the monitor's again. With FSGSBASE (Linux >= 5.9 and
 * the CPU's) they are single instructions; otherwise a raw arch_prctl. */
#define _GNU_SOURCE
#include "monitor.h"

#include <asm/prctl.h>
#include <immintrin.h>
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

__attribute__((no_stack_protector, target("fsgsbase"))) void
orc_fs_to_host(struct cvm_thread *t) {
  if (orc_fsgsbase) {
    t->cvm_fs = _readfsbase_u64();
    _writefsbase_u64(t->host_fs);
  } else {
    raw_arch_prctl(ARCH_GET_FS, (long)&t->cvm_fs);
    raw_arch_prctl(ARCH_SET_FS, (long)t->host_fs);
  }
  t->in_monitor = 1;
}

__attribute__((no_stack_protector, target("fsgsbase"))) void
orc_fs_to_cvm(struct cvm_thread *t) {
  t->in_monitor = 0;
  if (orc_fsgsbase)
    _writefsbase_u64(t->cvm_fs);
  else
    raw_arch_prctl(ARCH_SET_FS, (long)t->cvm_fs);
}

__attribute__((no_stack_protector, target("fsgsbase"))) void
orc_set_gs(void *base) {
  if (orc_fsgsbase)
    _writegsbase_u64((unsigned long long)base);
  else
    raw_arch_prctl(ARCH_SET_GS, (long)base);
}

__attribute__((no_stack_protector, target("fsgsbase"))) struct cvm_thread *
orc_gs_thread(void) {
  uint64_t gs = 0;
  if (orc_fsgsbase)
    gs = _readgsbase_u64();
  else
    raw_arch_prctl(ARCH_GET_GS, (long)&gs);
  return gs ? (struct cvm_thread *)((uint64_t *)gs)[ORC_SLOT_HOST] : NULL;
}

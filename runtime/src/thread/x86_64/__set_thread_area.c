/* ORC: arch_prctl(ARCH_SET_FS) as a hostcall, replacing
 * __set_thread_area.s, which made the system call itself. (musl's generic
 * C version would use SYS_set_thread_area, which on x86-64 sets a GDT
 * entry, not FS.) The runtime does not call it at start-up any more: the
 * monitor sets FS for every thread (docs/runtime-abi.md). */
#include "pthread_impl.h"
#include "syscall.h"

#define ARCH_SET_FS 0x1002

int __set_thread_area(void *p)
{
	return __syscall(SYS_arch_prctl, ARCH_SET_FS, p);
}

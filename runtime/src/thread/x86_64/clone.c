/* ORC: __clone as the ORC_HC_THREAD_START hostcall (docs/runtime-abi.md),
 * replacing clone.s, which made the clone system call itself.
 *
 * A cVM can start threads of its own and nothing else: anything that
 * is not a thread sharing the address space, files and signal handlers
 * (fork-like or vfork-like clones, as posix_spawn makes) fails with
 * ENOSYS. The monitor starts the thread on `stack` with FS = the new
 * thread pointer, GS = the cVM's capability table, and calls
 * clone_start(block) there; clone_start runs fn(arg) and ends the thread
 * with SYS_exit, as clone.s did. The monitor stores the new tid at ptid
 * before the thread runs (CLONE_PARENT_SETTID) and, when the thread ends,
 * zeroes ctid and wakes its futex (CLONE_CHILD_CLEARTID). */
#define _GNU_SOURCE
#include <sched.h>
#include <stdarg.h>
#include "pthread_impl.h"
#include "syscall.h"
#include "orc_abi.h"

struct clone_block {
	int (*fn)(void *);
	void *arg;
};

static _Noreturn void clone_start(struct clone_block *b)
{
	int r = b->fn(b->arg);
	for (;;) __syscall(SYS_exit, r);
}

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND \
	| CLONE_THREAD | CLONE_SYSVSEM | CLONE_DETACHED)
#define HANDLED_FLAGS (THREAD_FLAGS | CLONE_SETTLS \
	| CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

int __clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	va_list ap;
	pid_t *ptid, *ctid;
	void *tls;
	uintptr_t sp;
	struct clone_block *b;

	va_start(ap, arg);
	ptid = va_arg(ap, pid_t *);
	tls = va_arg(ap, void *);
	ctid = va_arg(ap, pid_t *);
	va_end(ap);

	if ((flags & (CLONE_VM | CLONE_THREAD | CLONE_SIGHAND))
	    != (CLONE_VM | CLONE_THREAD | CLONE_SIGHAND))
		return -ENOSYS;
	if (flags & ~(HANDLED_FLAGS | 0xff))
		return -EINVAL;

	/* The block the new thread starts from, on its stack; the stack top
	 * handed to the monitor is 16-byte aligned. */
	sp = (uintptr_t)stack & -16;
	sp = (sp - sizeof *b) & -16;
	b = (void *)sp;
	b->fn = fn;
	b->arg = arg;

	return __syscall(ORC_HC_THREAD_START, clone_start, b, sp,
		(flags & CLONE_SETTLS) ? tls : (void *)__get_tp(),
		(flags & CLONE_CHILD_CLEARTID) ? ctid : 0,
		(flags & CLONE_PARENT_SETTID) ? ptid : 0);
}

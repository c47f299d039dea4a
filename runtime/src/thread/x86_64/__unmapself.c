/* ORC: musl's generic __unmapself (src/thread/__unmapself.c) for x86_64,
 * replacing __unmapself.s, which made the two system calls itself.
 *
 * A detached thread frees its own stack: it moves to a small stack in
 * libc's state (per cVM), asks the monitor to unmap the old one and then
 * to end the thread. Callers hold the thread list lock, which the monitor
 * releases only when the thread has ended (the ctid the thread was started
 * with), so one shared stack per cVM suffices. The hostcall gate runs on a
 * stack of the monitor's own (docs/runtime-abi.md): this one only holds
 * return addresses. Unlike the generic version, the stack is aligned as
 * the ABI wants it at function entry (do_unmap calls the gate). */
#include "pthread_impl.h"
#include "syscall.h"

static void *unmap_base;
static size_t unmap_size;
static char shared_stack[256];

static _Noreturn void do_unmap(void)
{
	__syscall(SYS_munmap, unmap_base, unmap_size);
	for (;;) __syscall(SYS_exit, 0);
}

void __unmapself(void *base, size_t size)
{
	char *stack = shared_stack + sizeof shared_stack;
	stack -= (uintptr_t)stack % 16;
	stack -= sizeof(void *); /* where a call would have put its return address */
	unmap_base = base;
	unmap_size = size;
	__asm__ __volatile__ ("mov %1,%%rsp ; jmp *%0"
		: : "r"(do_unmap), "r"(stack) : "memory");
	__builtin_unreachable();
}

/* The one way out of a cVM (docs/runtime-abi.md): an indirect call
 * through the hostcall gate, whose address the monitor keeps in slot
 * ORC_SLOT_GATE of the capability table, at GS + ORC_CTABLE_OFFSET (the
 * cVM's window). Every system call musl makes lands here
 * (arch/x86_64/syscall_arch.h, restore.s), except the cancellable ones:
 * __syscall_cp_asm (syscall_cp.s) calls the gate itself.
 *
 * The name begins with __orc_, so the pass leaves the function alone: it
 * touches no state and runs before and after anything else would. */
#include "syscall.h"
#include "orc_abi.h"
#include "orc_format.h"

long __orc_hostcall(long nr, long a1, long a2, long a3, long a4, long a5,
                    long a6)
{
	long (*gate)(long, long, long, long, long, long, long);
	__asm__ __volatile__ ("mov %%gs:%c1, %0" : "=r"(gate)
	                      : "i"(ORC_CTABLE_OFFSET + ORC_SLOT_GATE * 8));
	return gate(nr, a1, a2, a3, a4, a5, a6);
}

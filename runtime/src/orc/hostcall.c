/* The one way out of a cVM (docs/runtime-abi.md): a call through the
 * hostcall gate, whose address the monitor keeps in slot ORC_SLOT_GATE of
 * the capability table, at GS + ORC_CTABLE_OFFSET (the cVM's window).
 * Every system call musl makes lands here (arch/x86_64/syscall_arch.h,
 * restore.s), except the cancellable ones: __syscall_cp_asm (syscall_cp.s)
 * calls the gate itself.
 *
 * The call is written as `call *%gs:0x10000`, the one form docs/sfi.md
 * (C4) lets through unmasked: a call through a register would be masked
 * into the code zone, and the gate is monitor code. The gate takes the
 * SysV convention with nr first, so the sixth argument goes on the stack
 * (the runtime is built without a red zone, so the push overwrites
 * nothing).
 *
 * The name begins with __orc_, so the pass leaves the function alone: it
 * touches no state and runs before and after anything else would. */
#include "syscall.h"
#include "orc_abi.h"
#include "orc_format.h"


long __orc_hostcall(long nr, long a1, long a2, long a3, long a4, long a5,
                    long a6)
{
	register long rdi __asm__("rdi") = nr, rsi __asm__("rsi") = a1,
	              rdx __asm__("rdx") = a2, rcx __asm__("rcx") = a3,
	              r8 __asm__("r8") = a4, r9 __asm__("r9") = a5;
	long ret;
	_Static_assert(ORC_CTABLE_OFFSET + ORC_SLOT_GATE * 8 == 0x10000,
	               "the gate's slot is at %gs:0x10000");
	__asm__ __volatile__ ("push %[a6]\n\tcall *%%gs:0x10000\n\tadd $8, %%rsp"
	                      : "=a"(ret), "+r"(rdi), "+r"(rsi), "+r"(rdx),
	                        "+r"(rcx), "+r"(r8), "+r"(r9)
	                      : [a6] "r"(a6)
	                      : "r10", "r11", "memory", "cc",
	                        "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
	                        "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
	                        "xmm12", "xmm13", "xmm14", "xmm15");
	return ret;
}

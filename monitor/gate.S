/* The hostcall gate: the only way out of a cVM (docs/runtime-abi.md).
 *
 * cVM code calls it through %gs:0 with the SysV convention: nr in %rdi,
 * arguments in %rsi, %rdx, %rcx, %r8, %r9 and the sixth on the stack. It
 * runs on the cVM's stack with the cVM's FS (musl's thread pointer), so it
 * first stores the arguments in this thread's struct cvm_thread (slot
 * ORC_SLOT_HOST of the thread's capability table), moves to the thread's monitor stack,
 * restores the monitor's FS (glibc's thread pointer), calls
 * orc_dispatch(thread), and undoes all of it on the way back. Offsets
 * below are those of struct cvm_thread in monitor.h. */
#include "orc_format.h" /* the capability table's reserved slots */

#define T_HOST_FS 0
#define T_CVM_FS 8
#define T_HOST_RSP 16
#define T_CVM_RSP 24
#define T_ARGS 32

	.text
	.globl orc_gate
	.type orc_gate,@function
orc_gate:
	mov %gs:ORC_SLOT_HOST*8, %rax
	mov %rdi, T_ARGS+0(%rax)
	mov %rsi, T_ARGS+8(%rax)
	mov %rdx, T_ARGS+16(%rax)
	mov %rcx, T_ARGS+24(%rax)
	mov %r8, T_ARGS+32(%rax)
	mov %r9, T_ARGS+40(%rax)
	mov 8(%rsp), %r10
	mov %r10, T_ARGS+48(%rax)
	mov %rsp, T_CVM_RSP(%rax)
	mov T_HOST_RSP(%rax), %rsp
	push %rax
	push %rax
	mov %rax, %rdi
	call orc_fs_to_host
	mov (%rsp), %rdi
	call orc_dispatch
	mov (%rsp), %rdi
	mov %rax, (%rsp)
	call orc_fs_to_cvm
	pop %rax
	pop %rcx
	mov T_CVM_RSP(%rcx), %rsp
	ret
	.size orc_gate, .-orc_gate

/* orc_enter(thread, entry, stack): leave the monitor for cVM code for
 * good: FS to the cVM's, the cVM stack, jump to entry. The thread comes
 * back only by siglongjmp to its exit_jmp. */
	.globl orc_enter
	.type orc_enter,@function
orc_enter:
	push %rsi
	push %rdx
	sub $8, %rsp
	call orc_fs_to_cvm
	add $8, %rsp
	pop %rdx
	pop %rsi
	mov %rdx, %rsp
	xor %ebp, %ebp
	xor %eax, %eax
	jmp *%rsi
	.size orc_enter, .-orc_enter

/* orc_enter_call(thread, fn, arg, stack): the same for a new thread of a
 * cVM: call fn(arg) on the cVM stack; if fn returns, exit the thread with
 * its result through the gate, as musl's __clone does. */
	.globl orc_enter_call
	.type orc_enter_call,@function
orc_enter_call:
	push %rsi
	push %rdx
	push %rcx
	call orc_fs_to_cvm
	pop %rcx
	pop %rdx
	pop %rsi
	mov %rcx, %rsp
	xor %ebp, %ebp
	mov %rdx, %rdi
	call *%rsi
	mov %rax, %rsi
	mov $60, %edi
	call *%gs:ORC_SLOT_GATE*8
	ud2
	.size orc_enter_call, .-orc_enter_call

	.section .note.GNU-stack,"",@progbits

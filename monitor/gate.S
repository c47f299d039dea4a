/* The hostcall gate: the only way out of a cVM (docs/runtime-abi.md).
 *
 * cVM code calls it through the capability table (call *%gs:0x10000) with
 * the SysV convention: nr in %rdi, arguments in %rsi, %rdx, %rcx, %r8, %r9
 * and the sixth on the stack. The gate finds its caller without trusting
 * anything the cVM can write: not GS (wrgsbase), not cVM memory. It pops
 * its return address into a register at once, asks the kernel for the
 * thread id (a system call from monitor code, which the filter allows)
 * and looks the thread's struct cvm_thread up in the monitor's table
 * (segments.c). It stores the arguments there, moves to the thread's
 * monitor stack, restores the monitor's FS, calls orc_dispatch(thread),
 * then sets FS to what the monitor recorded for the thread and GS to W
 * if it is not (orc_fs_to_cvm: a forged FS or GS does not survive a
 * hostcall), clears the scratch registers (no monitor address leaks
 * back) and jumps to the return address masked into [0, 4 GiB), where
 * only the code zone executes.
 *
 * The syscall instruction clobbers %rcx (the third argument) and %r11:
 * the third argument waits in %xmm15, caller-saved like every vector
 * register, so cVM code holds nothing in it across a call. Offsets below
 * are those of struct cvm_thread in monitor.h. */
#include "orc_format.h" /* the capability table's reserved slots */

#define CTABLE 0x10000 /* ORC_CTABLE_OFFSET (orc_abi.h, C only) */
#define T_HOST_FS 0
#define T_CVM_FS 8
#define T_HOST_RSP 16
#define T_CVM_RSP 24
#define T_ARGS 32
#define T_RET 88
#define SYS_gettid 186

	.text
	.globl orc_gate
	.type orc_gate,@function
orc_gate:
	pop %r10
	movq %rcx, %xmm15
	mov $SYS_gettid, %eax
	syscall
	and $0x3fffff, %eax
	mov orc_tid_table(%rip), %r11
	mov (%r11,%rax,8), %rax
	test %rax, %rax
	jz 1f
	mov %rdi, T_ARGS+0(%rax)
	mov %rsi, T_ARGS+8(%rax)
	mov %rdx, T_ARGS+16(%rax)
	movq %xmm15, T_ARGS+24(%rax)
	mov %r8, T_ARGS+32(%rax)
	mov %r9, T_ARGS+40(%rax)
	mov (%rsp), %r11
	mov %r11, T_ARGS+48(%rax)
	mov %r10, T_RET(%rax)
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
	mov T_RET(%rcx), %r11
	mov %r11d, %r11d
	xor %ecx, %ecx
	xor %edx, %edx
	xor %esi, %esi
	xor %edi, %edi
	xor %r8d, %r8d
	xor %r9d, %r9d
	xor %r10d, %r10d
	jmp *%r11
1:	ud2 /* not a cVM thread: a monitor bug */
	.size orc_gate, .-orc_gate

/* orc_enter(thread, entry, stack): leave the monitor for cVM code for
 * good: FS and GS to the cVM's, the cVM stack, jump to entry. The thread
 * comes back only by siglongjmp to its exit_jmp. */
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
 * cVM: fn(arg) on the cVM stack, with 0 as its return address. fn never
 * returns (it ends the thread with the exit hostcall, as musl's __clone's
 * child does): SFI code returns by a masked jump, which could not come
 * back here, and a return to 0 faults and ends the cVM, with or without
 * SFI. */
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
	push $0
	jmp *%rsi
	.size orc_enter_call, .-orc_enter_call

	.section .note.GNU-stack,"",@progbits

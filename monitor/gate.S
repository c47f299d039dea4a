/* The hostcall gate: the only way out of a cVM (docs/runtime-abi.md).
 *
 * cVM code calls it through the capability table (call *%gs:0x10000) with
 * the SysV convention: nr in %rdi, arguments in %rsi, %rdx, %rcx, %r8, %r9
 * and the sixth on the stack. The gate finds its caller without trusting
 * anything the cVM can write: not GS (wrgsbase), not cVM memory, not DF
 * (cleared at once: C code with DF set copies backwards). It pops its
 * return address into a register at once, asks the kernel for the
 * thread id (a system call from monitor code, which the filter allows)
 * and looks the thread's struct cvm_thread up in the monitor's table
 * (segments.c). It stores the arguments there, moves to the thread's
 * monitor stack, restores the monitor's FS, calls orc_dispatch(thread),
 * then sets FS to what the monitor recorded for the thread and GS to W
 * if it is not (orc_fs_to_cvm: a forged FS or GS does not survive a
 * hostcall), clears the scratch registers (no monitor address leaks
 * back) and jumps to the return address masked as C1 masks (a bundle
 * start in [0, 4 GiB), where only the code zone executes).
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
#define T_WINDOW 96
#define T_RESULT 104
#define T_SIG_BLOCKED 112
#define T_SIG_PENDING 120
#define T_HOST_TID 128
#define T_IN_MONITOR 132
#define T_EXITING 136
#define SYS_gettid 186
#define SYS_arch_prctl 158
#define SYS_tgkill 234
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002

	.text
	.globl orc_gate
	.type orc_gate,@function
orc_gate:
	pop %r10
	cld /* the monitor's C code needs DF clear; cVM code may have set it */
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
	mov %rax, T_RESULT(%rdi)

/* The exit, from here to orc_gate_tail_end, in assembly only: nothing in
 * it touches %rbx, %rbp or %r12-%r15 (the cVM's still), and all else it
 * needs is in the thread's record, so signal.c's host handler, finding
 * the thread's pc in this range, can take over the exit exactly: it
 * delivers a cVM signal on the context the hostcall returns to. First
 * in_monitor = 0 (from here on SIG_CVM_END makes the thread leave at
 * once), then the thread leaves if the cVM is ending; a signal the
 * thread does not block is raised on this host thread (SIG_CVM_SIG) and
 * the handler delivers it; else FS and GS are set for cVM code (a junk GS
 * faults at the load of slot 1 and the fault handler ends the cVM), the
 * scratch registers cleared and the return address masked. */
	.globl orc_gate_tail
orc_gate_tail:
	movl $0, T_IN_MONITOR(%rdi)
	cmpl $0, T_EXITING(%rdi)
	jne 3f
	mov T_SIG_BLOCKED(%rdi), %rax
	not %rax
	and T_SIG_PENDING(%rdi), %rax
	jnz 2f
	mov %rdi, %r8
	mov T_CVM_FS(%r8), %rsi
	cmpl $0, orc_fsgsbase(%rip)
	je 4f
	wrfsbase %rsi
	jmp 5f
4:	mov $ARCH_SET_FS, %edi
	mov $SYS_arch_prctl, %eax
	syscall
5:	mov %gs:CTABLE+8, %rax /* slot 1: W */
	cmp T_WINDOW(%r8), %rax
	je 6f
	mov T_WINDOW(%r8), %rsi
	cmpl $0, orc_fsgsbase(%rip)
	je 7f
	wrgsbase %rsi
	jmp 6f
7:	mov $ARCH_SET_GS, %edi
	mov $SYS_arch_prctl, %eax
	syscall
6:	mov T_RESULT(%r8), %rax
	mov T_CVM_RSP(%r8), %rsp
	mov T_RET(%r8), %r11
	/* C1's mask: the slot it was popped from is cVM memory, which another
	 * thread of the cVM may rewrite between the call's push and the pop,
	 * so the return goes to a bundle start in [0, 4 GiB), nowhere else
	 * (orc_return_mask; without the low bits only under
	 * --insecure-no-verify, whose code returns mid-bundle). */
	and orc_return_mask(%rip), %r11d
	xor %ecx, %ecx
	xor %edx, %edx
	xor %esi, %esi
	xor %edi, %edi
	xor %r8d, %r8d
	xor %r9d, %r9d
	xor %r10d, %r10d
	jmp *%r11
2:	mov %rdi, %r8
	mov orc_host_pid(%rip), %edi
	mov T_HOST_TID(%r8), %esi
	mov orc_sig_deliver(%rip), %edx
	mov $SYS_tgkill, %eax
	syscall
	/* Not reached when the handler took over; if the signal was gone
	 * (another path delivered it), try the exit again. */
	mov %r8, %rdi
	jmp orc_gate_tail
	.globl orc_gate_tail_end
orc_gate_tail_end:
3:	call orc_gate_leave
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

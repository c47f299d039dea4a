# evil(p): write(1, p, 32) with a raw syscall, in a section linked far from .text (ldflags), so in a PF_X segment of its own.
	.section orc_evil,"ax",@progbits
	.p2align 5
	.globl evil
evil:
	movq %rdi, %rsi
	movl $1, %eax
	movl $1, %edi
	movl $32, %edx
	syscall
	ud2
	.p2align 5

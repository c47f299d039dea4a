# hidden_jump(p): write(1, p, 32) by a syscall hidden in an immediate.
	.text
	.p2align 5
	.globl hidden_jump
hidden_jump:
	movq %rdi, %rsi
	movl $1, %eax
	movl $1, %edi
	movl $32, %edx
	jmp .Lhide+2
	.p2align 5
.Lhide:
	movabsq $0x909090900b0f050f, %rax
	.p2align 5

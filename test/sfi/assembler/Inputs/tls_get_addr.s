# A hidden __tls_get_addr as runtime/nonshared/tls_get_addr.c compiles.
	.text
	.globl __tls_get_addr
	.hidden __tls_get_addr
	.type __tls_get_addr,@function
__tls_get_addr:
	movq %fs:0, %rax
	movq 8(%rax), %rax
	movq (%rdi), %rcx
	movq (%rax,%rcx,8), %rax
	addq 8(%rdi), %rax
	retq

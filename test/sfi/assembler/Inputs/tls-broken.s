	.text
f:
	data16
	leaq gd@TLSGD(%rip), %rdi
	callq *%rax
	data16
	movq %rax, %rbx

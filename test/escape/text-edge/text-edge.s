# tail3: three bytes (movl $0, %eax is five; these are 48 31 c0, xorq) that
# end the text off a bundle edge.
	.text
	.p2align 5
	.globl tail3
tail3:
	xorq %rax, %rax

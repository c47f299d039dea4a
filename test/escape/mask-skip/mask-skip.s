# skip_mask(target): jmp straight to the branch of a masked pair.
	.text
	.p2align 5
	.globl skip_mask
skip_mask:
	movq %rdi, %r11
	jmp 1f
	.p2align 5
	andl $-32, %r11d
1:	jmp *%r11
	.p2align 5

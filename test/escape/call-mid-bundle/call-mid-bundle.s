# mid_call: a call at the start of a bundle, whose return address is
# mid-bundle (the callee stops there: the point is B4's refusal).
	.text
	.p2align 5
	.globl mid_call
mid_call:
	call .Lcallee
	ud2
	.p2align 5
.Lcallee:
	popq %r11
	ud2
	.p2align 5

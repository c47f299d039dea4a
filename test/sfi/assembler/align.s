# Indirect-branch targets start bundles (docs/sfi.md C1, C5): functions,
# global labels, labels a jump table in another section refers to, and
# labels whose address code takes; other local labels do not move.
# RUN: %orc_as %s -o %t.o
# RUN: %orc_verify %t.o
# RUN: %dis %t.o | FileCheck %s
# RUN: llvm-readelf -S %t.o | FileCheck %s --check-prefix=SECTION
# SECTION: .text PROGBITS {{[0-9a-f]+}} {{[0-9a-f]+}} {{[0-9a-f]+}} 00 AX 0 0 32
	.text
	.globl f
	.type f,@function
f:
	movl $1, %eax
	cmpl $2, %edi
	ja .Lplain
	leaq .LJT(%rip), %rcx
	movslq (%rcx,%rdi,4), %rax
	addq %rcx, %rax
	jmp *%rax
.Lcase0:
	movl $1110, %eax
.Lcase1:
	movl $1111, %eax
.Lplain:
	movl $2222, %eax
.Ltaken:
	movl $3333, %eax
	leaq .Ltaken(%rip), %rdx
	.size f, .-f
	.type g,@function
g:
	movl $4444, %eax
	.globl visible
visible:
	movl $5555, %eax
	.section .rodata,"a",@progbits
	.p2align 2
.LJT:
	.long .Lcase0-.LJT
	.long .Lcase1-.LJT
	.long .Lcase1-.LJT
# CHECK: {{^ +[0-9a-f]*[02468ace]0:}} movl $0x456, %eax
# CHECK: {{^ +[0-9a-f]*[02468ace]0:}} movl $0x457, %eax
# CHECK: {{^ +[0-9a-f]*[1-9a-f]:}} movl $0x8ae, %eax
# CHECK: {{^ +[0-9a-f]*[02468ace]0:}} movl $0xd05, %eax
# CHECK: <g>:
# CHECK: {{^ +[0-9a-f]*[02468ace]0:}} movl $0x115c, %eax
# CHECK: <visible>:
# CHECK: {{^ +[0-9a-f]*[02468ace]0:}} movl $0x15b3, %eax

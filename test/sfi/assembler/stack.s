# docs/sfi.md section 5: push, pop and call move %rsp as they are; every
# other write to %rsp is followed in its bundle by the re-basing
# movl %esp, %esp; addq %gs:0x10008, %rsp (S3); leave is rewritten.
# RUN: %orc_as %s -o %t.o
# RUN: %orc_verify %t.o
# RUN: %dis %t.o | %nopad | FileCheck %s
	.text
	.globl f
	.type f,@function
f:
# CHECK-LABEL: <f>:
	pushq %rbp
# CHECK: pushq %rbp
	popq %rbx
# CHECK-NEXT: popq %rbx
	subq $40, %rsp
# CHECK-NEXT: subq $0x28, %rsp
# CHECK-NEXT: movl %esp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
	andq $-16, %rsp
# CHECK-NEXT: andq $-0x10, %rsp
# CHECK-NEXT: movl %esp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
	movq %rax, %rsp
# CHECK-NEXT: movq %rax, %rsp
# CHECK-NEXT: movl %esp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
	leaq 4096(%rbp), %rsp
# CHECK-NEXT: leaq 0x1000(%rbp), %rsp
# CHECK-NEXT: movl %esp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
	popq %rsp
# CHECK-NEXT: popq %rsp
# CHECK-NEXT: movl %esp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
	xchgq %rdx, %rsp
# CHECK-NEXT: xchgq %rdx, %rsp
# CHECK-NEXT: movl %esp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
	leave
# CHECK-NEXT: movl %ebp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
# CHECK-NEXT: popq %rbp
	.size f, .-f

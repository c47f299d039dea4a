# Hand-written assembly as musl's x86_64 setjmp.s and longjmp.s write it
# (runtime/, built through orc-as): setjmp saves the return address it
# reads from the stack and returns by pop/mask/jump (C3); longjmp loads
# %rsp from the buffer, which is re-based into the window (S3), and jumps
# through memory, which becomes a masked jump through %r11 (C2). A thread
# start as clone's child runs it: the function called through a register
# (C1) at a bundle end, then the exit hostcall (C4).
# RUN: %orc_as %s -o %t.o
# RUN: %orc_verify %t.o
# RUN: %dis %t.o | %nopad | FileCheck %s
	.text
	.globl setjmp
	.type setjmp,@function
setjmp:
# CHECK-LABEL: <setjmp>:
	mov %rbx,(%rdi)
# CHECK: movq %rbx, %gs:(%edi)
	mov %rbp,8(%rdi)
	lea 8(%rsp),%rdx
# CHECK: leaq 0x8(%rsp), %rdx
	mov %rdx,48(%rdi)
# CHECK-NEXT: movq %rdx, %gs:0x30(%edi)
	mov (%rsp),%rdx
# CHECK-NEXT: movq (%rsp), %rdx
	mov %rdx,56(%rdi)
# CHECK-NEXT: movq %rdx, %gs:0x38(%edi)
	xor %eax,%eax
	ret
# CHECK: xorl %eax, %eax
# CHECK-NEXT: popq %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: jmpq *%r11

	.globl longjmp
	.type longjmp,@function
longjmp:
# CHECK-LABEL: <longjmp>:
	xor %eax,%eax
	cmp $1,%esi
	adc %esi,%eax
	mov (%rdi),%rbx
	mov 8(%rdi),%rbp
	mov 48(%rdi),%rsp
# CHECK: movq %gs:0x30(%edi), %rsp
# CHECK-NEXT: movl %esp, %esp
# CHECK-NEXT: addr32 addq %gs:0x10008, %rsp
	jmp *56(%rdi)
# CHECK-NEXT: movq %gs:0x38(%edi), %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: jmpq *%r11

	.globl thread_start
	.type thread_start,@function
thread_start:
# CHECK-LABEL: <thread_start>:
	mov %rsi,%rdi
	call *%rdx
# CHECK: andl $-0x20, %edx
# CHECK-NEXT: callq *%rdx
	mov %eax,%esi
	mov $60,%edi
	push $0
	call *%gs:0x10000
# CHECK: callq *%gs:0x10000
	ud2

# docs/sfi.md section 3: every explicit memory operand becomes %gs: with
# 32-bit address size (M1), except RIP-relative (M2), %rsp with a small
# displacement (M3) and %fs: with a displacement only (M4). lea and the
# padding nops touch no memory and stay.
# RUN: %orc_as %s -o %t.o
# RUN: %orc_verify %t.o
# RUN: %dis %t.o | %nopad | FileCheck %s
	.text
	.globl f
	.type f,@function
f:
# CHECK-LABEL: <f>:
	movq (%rdi), %rax
# CHECK: movq %gs:(%edi), %rax
	movl 8(%rdi,%rsi,4), %ecx
# CHECK-NEXT: movl %gs:0x8(%edi,%esi,4), %ecx
	movq %rax, -8(%rbp)
# CHECK-NEXT: movq %rax, %gs:-0x8(%ebp)
	addl %eax, 12(%r13,%r14)
# CHECK-NEXT: addl %eax, %gs:0xc(%r13d,%r14d)
	lock xaddq %rax, (%rbx)
# CHECK-NEXT: lock xaddq %rax, %gs:(%ebx)
	lock ; cmpxchgl %ecx, 4(%rdi)
# CHECK-NEXT: lock cmpxchgl %ecx, %gs:0x4(%edi)
	movq 0x10, %rax
# CHECK-NEXT: addr32 movq %gs:0x10, %rax
	movq %gs:(,%rax,8), %rcx
# CHECK-NEXT: movq %gs:(,%eax,8), %rcx
	vmovdqu (%rsi), %ymm0
# CHECK-NEXT: vmovdqu %gs:(%esi), %ymm0
	vpgatherdd %xmm2, (%rax,%xmm1,4), %xmm0
# CHECK-NEXT: vpgatherdd %xmm2, %gs:(%eax,%xmm1,4), %xmm0
	movq x(%rip), %rax
# CHECK-NEXT: movq (%rip), %rax
	movq 16(%rsp), %rdx
# CHECK-NEXT: movq 0x10(%rsp), %rdx
	movq %rdx, -32768(%rsp)
# CHECK-NEXT: movq %rdx, -0x8000(%rsp)
	movq 40000(%rsp), %rdx
# CHECK-NEXT: movq %gs:0x9c40(%esp), %rdx
	movq (%rsp,%rax,8), %rdx
# CHECK-NEXT: movq %gs:(%esp,%eax,8), %rdx
	movq %fs:0, %rax
# CHECK-NEXT: movq %fs:0x0, %rax
	movl %fs:-64, %eax
# CHECK-NEXT: movl %fs:-0x40, %eax
	leaq 8(%rdi,%rsi), %rax
# CHECK-NEXT: leaq 0x8(%rdi,%rsi), %rax
	nopl 8(%rax)
# CHECK-NEXT: nopl 0x8(%rax)
	.size f, .-f

# docs/sfi.md section 8: the benchmark-only switches turn one rewrite
# family off each and leave the others; without them the output is the
# ordinary one (the other tests). Such code does not verify.
# RUN: %orc_as --orc-insecure-bench-off=mem %s -o %t.mem.o
# RUN: %dis %t.mem.o | %nopad | FileCheck %s --check-prefix=MEM
# RUN: not %orc_verify %t.mem.o
# RUN: %orc_as --orc-insecure-bench-off=ret,rsp %s -o %t.rr.o
# RUN: %dis %t.rr.o | %nopad | FileCheck %s --check-prefix=RR
# RUN: %orc_as --orc-insecure-bench-off=mask,string %s -o %t.ms.o
# RUN: %dis %t.ms.o | %nopad | FileCheck %s --check-prefix=MS
# RUN: %orc_as --orc-insecure-bench-off=bundles %s -o %t.b.o
# RUN: %dis %t.b.o | FileCheck %s --check-prefix=BUNDLES
# RUN: %orc_as --orc-insecure-bench-off=calls %s -o %t.c.o
# RUN: %dis %t.c.o | FileCheck %s --check-prefix=CALLS
# RUN: not %orc_as --orc-insecure-bench-off=nonsense %s -o %t.x.o 2>&1 | FileCheck %s --check-prefix=BAD
	.text
	.globl f
	.type f,@function
f:
	movq 8(%rdi), %rax
# MEM: movq 0x8(%rdi), %rax
# RR: movq %gs:0x8(%edi), %rax
# MS: movq %gs:0x8(%edi), %rax
	subq $16, %rsp
# MEM-NEXT: subq $0x10, %rsp
# MEM-NEXT: movl %esp, %esp
# RR-NEXT: subq $0x10, %rsp
# RR-NOT: movl %esp, %esp
	call *%rax
# MEM: andl $-0x20, %eax
# MEM-NEXT: callq *%rax
# RR: andl $-0x20, %eax
# RR-NEXT: callq *%rax
# MS: callq *%rax
# MS-NEXT: jmpq *%rcx
# BUNDLES-NOT: nop
# BUNDLES: andl $-0x1, %eax
# BUNDLES-NEXT: callq *%rax
# CALLS: andl $-0x1, %eax
# CALLS-NEXT: callq *%rax
# CALLS-NEXT: andl $-0x1, %ecx
	jmp *%rcx
	rep movsb
# MEM: jrcxz
# MS-NEXT: rep movsb
	leave
# RR: leave
# MS-NEXT: movl %ebp, %esp
	ret
# RR-NEXT: retq
# MS: popq %r11
# MS-NEXT: andl $-0x20, %r11d
# CALLS: popq %r11
# CALLS-NEXT: andl $-0x1, %r11d
# BAD: unknown --orc-insecure-bench-off family nonsense

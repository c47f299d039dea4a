# movs and stos, with and without rep, become loops of %gs: accesses that
# leave the flags alone (lea, jrcxz, jmp); movs borrows %rax with push and
# pop (docs/sfi.md section 3). `rep ret` is a return.
# RUN: %orc_as %s -o %t.o
# RUN: %orc_verify %t.o
# RUN: %dis %t.o | %nopad | FileCheck %s
	.text
	.globl f
	.type f,@function
f:
# CHECK-LABEL: <f>:
	rep movsq
# CHECK: [[TOP:[0-9a-f]+]]: pushq %rax
# CHECK-NEXT: [[LOOP:[0-9a-f]+]]: jrcxz 0x[[DONE:[0-9a-f]+]]
# CHECK-NEXT: movq %gs:(%esi), %rax
# CHECK-NEXT: movq %rax, %gs:(%edi)
# CHECK-NEXT: leaq 0x8(%rsi), %rsi
# CHECK-NEXT: leaq 0x8(%rdi), %rdi
# CHECK-NEXT: leaq -0x1(%rcx), %rcx
# CHECK-NEXT: jmp 0x[[LOOP]]
# CHECK-NEXT: [[DONE]]: popq %rax
	rep stosb
# CHECK-NEXT: jrcxz
# CHECK-NEXT: movb %al, %gs:(%edi)
# CHECK-NEXT: leaq 0x1(%rdi), %rdi
# CHECK-NEXT: leaq -0x1(%rcx), %rcx
# CHECK-NEXT: jmp
	movsw
# CHECK-NEXT: pushq %rax
# CHECK-NEXT: movw %gs:(%esi), %ax
# CHECK-NEXT: movw %ax, %gs:(%edi)
# CHECK-NEXT: leaq 0x2(%rsi), %rsi
# CHECK-NEXT: leaq 0x2(%rdi), %rdi
# CHECK-NEXT: popq %rax
	stosl
# CHECK-NEXT: movl %eax, %gs:(%edi)
# CHECK-NEXT: leaq 0x4(%rdi), %rdi
	rep ret
# CHECK-NEXT: popq %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: jmpq *%r11
	.size f, .-f

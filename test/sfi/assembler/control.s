# docs/sfi.md section 4: indirect branches are masked to a bundle start
# below 4 GiB in the same bundle (C1), memory-indirect calls and GOT tail
# calls go through %r11 (C2), ret is pop/mask/jump (C3), the hostcall is
# call *%gs:0x10000 with 32-bit addressing (C4), and every call ends its bundle
# so return addresses are bundle starts (B4).
# RUN: %orc_as %s -o %t.o
# RUN: %orc_verify %t.o
# RUN: %dis %t.o | %nopad | FileCheck %s
# RUN: %dis %t.o | FileCheck %s --check-prefix=BUNDLE
	.text
	.globl f
	.type f,@function
f:
# CHECK-LABEL: <f>:
	jmp *%rcx
# CHECK: andl $-0x20, %ecx
# CHECK-NEXT: jmpq *%rcx
	call *%rax
# CHECK-NEXT: andl $-0x20, %eax
# CHECK-NEXT: callq *%rax
	call *%r9
# CHECK-NEXT: andl $-0x20, %r9d
# CHECK-NEXT: callq *%r9
	call *g@GOTPCREL(%rip)
# CHECK-NEXT: movq (%rip), %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: callq *%r11
	call *16(%rdi)
# CHECK-NEXT: movq %gs:0x10(%edi), %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: callq *%r11
	call *%gs:0x10000
# CHECK-NEXT: addr32 callq *%gs:0x10000
	call g
# CHECK-NEXT: callq
	ret
# CHECK-NEXT: popq %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: jmpq *%r11
	jmp *h@GOTPCREL(%rip)
# CHECK-NEXT: movq (%rip), %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: jmpq *%r11
	jmp *8(%rax)
# CHECK-NEXT: movq %gs:0x8(%eax), %r11
# CHECK-NEXT: andl $-0x20, %r11d
# CHECK-NEXT: jmpq *%r11
	.size f, .-f

# Each call is the last instruction of its bundle: the next instruction
# starts on a 32-byte boundary (an address ending in 00, 20, ..., e0).
# BUNDLE: callq *%rax
# BUNDLE-NEXT: {{^ +[0-9a-f]*[02468ace]0:}}
# BUNDLE: callq *%r9
# BUNDLE-NEXT: {{^ +[0-9a-f]*[02468ace]0:}}
# BUNDLE: callq *%r11
# BUNDLE-NEXT: {{^ +[0-9a-f]*[02468ace]0:}}
# BUNDLE: callq *%r11
# BUNDLE-NEXT: {{^ +[0-9a-f]*[02468ace]0:}}
# BUNDLE: callq *%gs:0x10000
# BUNDLE-NEXT: {{^ +[0-9a-f]*[02468ace]0:}}
# BUNDLE: callq 0x
# BUNDLE-NEXT: {{^ +[0-9a-f]*[02468ace]0:}}

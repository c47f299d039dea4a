# What orc-as cannot make safe is refused, each with the file, the line,
# the instruction and the rule (docs/sfi.md), and no object is written.
# RUN: rm -f %t.o
# RUN: not %orc_as %s -o %t.o 2>&1 | FileCheck %s -DFILE=%s
# RUN: not test -e %t.o
	.text
f:
	syscall
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `syscall`: enters the kernel without the monitor (docs/sfi.md section 6)
	sysenter
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `sysenter`: enters the kernel
	int $0x80
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `int $128`: enters the kernel
	lodsb
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `lodsb (%rsi), %al`: a string instruction
	repne scasb
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `repne scasb %es:(%rdi), %al`: rep with an instruction other than movs or stos
	cmpsb
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `cmpsb %es:(%rdi), (%rsi)`: a string instruction
	movsq %fs:(%rsi), %es:(%rdi)
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `movsq %fs:(%rsi), %es:(%rdi)`: a string instruction with a segment or 32-bit addressing (docs/sfi.md section 3)
	rep incq %rax
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `rep incq %rax`: rep with an instruction other than movs or stos (docs/sfi.md section 3)
	wrgsbase %rax
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `wrgsbaseq %rax`: moves the window
	wrfsbase %rax
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `wrfsbaseq %rax`: moves the thread pointer
	movw %ax, %gs
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `movl %eax, %gs`: loads a segment register
	movq %fs:(%rax), %rcx
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `movq %fs:(%rax), %rcx`: %fs: with a base or index register reaches outside the window (docs/sfi.md M4)
	movq %fs:-40000, %rcx
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `movq %fs:-40000, %rcx`: %fs: displacement past the 32 KiB bound (docs/sfi.md M4)
	ret $8
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `retq $8`: ret $imm (docs/sfi.md C3)
	lret
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `lretl`: a far transfer
	ljmp *(%rax)
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `ljmpl *(%rax)`: a far transfer
	pushfq
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `pushfq`: not allowed in cVM code
	enter $16, $0
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `enter $16, $0`: allocates a frame of any size
	xsave (%rax)
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `xsave (%rax)`: an oversized memory operand (M5)
	xlat
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `xlatb`: an implicit memory operand
	maskmovdqu %xmm1, %xmm0
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `maskmovdqu %xmm1, %xmm0`: an implicit memory operand
	movq %gs:(%rax), %rcx
	movq %ds:(%rax), %rcx
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `movq %ds:(%rax), %rcx`: a segment other than %gs or %fs
	data16
	leaq x(%rip), %rdi
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `leaq x(%rip), %rdi`: data16 or rex64 written alone outside a TLS sequence (write the prefix with its instruction)
	jmp *%rsp
# CHECK: [[FILE]]:[[@LINE-1]]: orc-as: refused `jmpq *%rsp`: a branch through %rsp (docs/sfi.md C1)
# CHECK: orc-as: 24 instruction(s) cannot be made safe; no object written

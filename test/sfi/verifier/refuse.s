# The verifier refuses every form docs/sfi.md does not allow, naming the
# offset, the instruction and the rule. Each case is assembled by LLVM's
# plain assembler (no SFI stage), so nothing but the verifier stands in
# the way. Every case starts on a bundle edge and is padded to one.
# RUN: split-file %s %t
# RUN: for c in %t/*.s; do %mc $c -o $c.o; if %orc_verify $c.o > $c.log 2>&1; then echo "ACCEPTED $c"; fi; sed "s|^$c.o: ||" $c.log; done > %t.out
# RUN: FileCheck %s < %t.out
# RUN: not grep ACCEPTED %t.out
# RUN: test $(grep -c 'section .text: offset' %t.out) = $(ls %t/*.s | wc -l)

#--- b1-end.s
	nop
# CHECK-DAG: offset 0x0 (address 0x0): `90`: B1: text does not start and end on a 32-byte bundle edge
#--- b2-cross.s
	.fill 30, 1, 0x90
	movl $1, %eax
	.p2align 5
# CHECK-DAG: offset 0x1e (address 0x1e): `{{.*}}`: B2: not an instruction, or one that crosses the bundle edge
#--- b3-middle.s
	jmp .+3
	movl $0x12345678, %eax
	.p2align 5
# CHECK-DAG: `jmp 0x{{0*}}3`: B3: a direct branch to a byte that is not an instruction start
#--- b3-locked.s
	jmp 1f
	andl $-32, %eax
1:	jmpq *%rax
	.p2align 5
# CHECK-DAG: `jmp 0x{{0*}}5`: B3: a direct branch into a locked sequence
#--- b3-outside.s
	jmp .+0x1000
	.p2align 5
# CHECK-DAG: B3: a direct branch outside the text
#--- b4-call.s
	call 1f
1:	nop
	.p2align 5
# CHECK-DAG: `call 0x{{0*}}5`: B4: a call that does not end its bundle
#--- c1-unmasked.s
	jmpq *%rax
	.p2align 5
# CHECK-DAG: offset 0x0 (address 0x0): `jmp %rax`: C1: an indirect branch not preceded in its bundle by andl $-32 of its register
#--- c1-other-reg.s
	andl $-32, %ecx
	jmpq *%rax
	.p2align 5
# CHECK-DAG: offset 0x3 (address 0x3): `jmp %rax`: C1
#--- c1-split.s
	.fill 29, 1, 0x90
	andl $-32, %eax
	jmpq *%rax
	.p2align 5
# CHECK-DAG: offset 0x20 (address 0x20): `jmp %rax`: C1
#--- c1-wrong-mask.s
	andl $-16, %eax
	jmpq *%rax
	.p2align 5
# CHECK-DAG: C1: an indirect branch not preceded
#--- c2-memory.s
	jmpq *8(%rax)
	.p2align 5
# CHECK-DAG: `jmp 0x08(%rax)`: M1: a memory operand not in %gs: form
#--- c3-ret.s
	ret
	.p2align 5
# CHECK-DAG: `ret`: C3: ret
#--- c4-fake-hostcall.s
	.fill 23, 1, 0x90
	callq *%gs:8
	.p2align 5
# CHECK-DAG: offset 0x17 (address 0x17): `call %gs:*0x{{0*}}8`: M1: %gs: without 32-bit address size
#--- c4-other-slot.s
	.fill 23, 1, 0x90
	callq *%gs:0x10008(,%eiz)
	.p2align 5
# CHECK-DAG: offset 0x17 (address 0x17): `call %gs:*0x{{0*}}10008`: C2: an indirect branch through memory
#--- m1-plain.s
	movq (%rax), %rcx
	.p2align 5
# CHECK-DAG: `mov (%rax), %rcx`: M1: a memory operand not in %gs: form
#--- m1-gs64.s
	movq %gs:(%rax), %rcx
	.p2align 5
# CHECK-DAG: `mov %gs:(%rax), %rcx`: M1: %gs: without 32-bit address size
#--- m1-ds.s
	movq %es:(%eax), %rcx
	.p2align 5
# CHECK-DAG: `mov (%eax), %rcx`: M1: a memory operand not in %gs: form
#--- m3-far.s
	movq 40000(%rsp), %rcx
	.p2align 5
# CHECK-DAG: `mov 0x9C40(%rsp), %rcx`: M3: %rsp displacement past the 32 KiB bound
#--- m3-index.s
	movq (%rsp,%rax), %rcx
	.p2align 5
# CHECK-DAG: `mov (%rsp,%rax,1), %rcx`: M1: a memory operand not in %gs: form
#--- m4-reg.s
	movq %fs:(%rax), %rcx
	.p2align 5
# CHECK-DAG: `mov %fs:(%rax), %rcx`: M4: %fs: with a base or index register
#--- m4-far.s
	movq %fs:-40000, %rcx
	.p2align 5
# CHECK-DAG: M4: %fs: displacement past the 32 KiB bound
#--- m5-gather.s
	vpgatherdd %xmm2, (%rax,%xmm1,4), %xmm0
	.p2align 5
# CHECK-DAG: M5: a gather or scatter not in %gs: form
#--- m5-big.s
	fxsave %gs:(%eax)
	.p2align 5
# CHECK-DAG: `fxsave %gs:(%eax)`: M5: a memory access larger than 64 bytes
#--- s3-pivot.s
	movq %rax, %rsp
	movq %rcx, 8(%rsp)
	.p2align 5
# CHECK-DAG: `mov %rcx, 0x08(%rsp)`: S3: a write to %rsp not followed by movl %e?, %esp; addq %gs:0x10008, %rsp
#--- s3-half.s
	subq $64, %rsp
	movl %esp, %esp
	.p2align 5
# CHECK-DAG: offset 0x6 (address 0x6): `nop {{.*}}`: S3: a write to %rsp not followed by
#--- s3-leave.s
	leave
	.p2align 5
# CHECK-DAG: `leave`: S3: enter/leave move %rsp without the re-basing
#--- s3-bad-add.s
	subq $64, %rsp
	movl %esp, %esp
	addq %gs:0x10010(,%eiz), %rsp
	.p2align 5
# CHECK-DAG: S3: %rsp written again before it was re-based
#--- x-syscall.s
	syscall
	.p2align 5
# CHECK-DAG: `syscall`: section 6: not an allowed instruction
#--- x-int80.s
	int $0x80
	.p2align 5
# CHECK-DAG: `int $0x80`: section 6: not an allowed instruction
#--- x-sysenter.s
	sysenter
	.p2align 5
# CHECK-DAG: `sysenter`: section 6: not an allowed instruction
#--- x-wrgsbase.s
	wrgsbase %rax
	.p2align 5
# CHECK-DAG: `wrgsbase %rax`: section 6: not an allowed instruction
#--- x-wrfsbase.s
	wrfsbase %rax
	.p2align 5
# CHECK-DAG: `wrfsbase %rax`: section 6: not an allowed instruction
#--- x-movgs.s
	movw %ax, %gs
	.p2align 5
# CHECK-DAG: `mov %ax, %gs`: section 6: writes a segment register
#--- x-popfs.s
	popq %fs
	.p2align 5
# CHECK-DAG: `pop %fs`: section 6: writes a segment register
#--- x-string.s
	rep movsb
	.p2align 5
# CHECK-DAG: `rep movsb`: section 6: not an allowed instruction
#--- x-far-jmp.s
	ljmpq *(%rax)
	.p2align 5
# CHECK-DAG: `ljmp (%rax)`: section 6: a far transfer
#--- x-lret.s
	lretq
	.p2align 5
# CHECK-DAG: `lret`: section 6: not an allowed instruction
#--- x-popf.s
	popfq
	.p2align 5
# CHECK-DAG: `popfq`: section 6: popf can set the trap flag
#--- x-xlat.s
	xlatb
	.p2align 5
# CHECK-DAG: `xlat`: section 3: xlat's implicit memory operand
#--- x-hlt.s
	hlt
	.p2align 5
# CHECK-DAG: `hlt`: section 6: not an allowed instruction
#--- x-wrpkru.s
	wrpkru
	.p2align 5
# CHECK-DAG: `wrpkru`: section 6: not an allowed instruction
#--- x-cli.s
	cli
	.p2align 5
# CHECK-DAG: `cli`: section 6: a privileged instruction
#--- x-sti.s
	sti
	.p2align 5
# CHECK-DAG: `sti`: section 6: a privileged instruction
#--- x-cr0.s
	movq %cr0, %rax
	.p2align 5
# CHECK-DAG: `mov %cr0, %rax`: section 6: a privileged instruction (a control or debug register)
#--- x-dr7.s
	movq %rax, %db7
	.p2align 5
# CHECK-DAG: `mov %rax, %dr7`: section 6: a privileged instruction (a control or debug register)

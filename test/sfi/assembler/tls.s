# docs/sfi.md C7: general- and local-dynamic TLS pairs (as clang writes
# them under -fno-plt) become one locked sequence ending its bundle, in
# the byte forms the linker rewrites: the call direct to __tls_get_addr.
# Linked into a program the linker relaxes them; into a library it keeps
# them, calling the object's own hidden __tls_get_addr. Both verify.
# RUN: %orc_as %s -o %t.o
# RUN: llvm-objdump -dr %t.o | FileCheck %s
# RUN: %orc_as %S/Inputs/tls_get_addr.s -o %t.tga.o
# RUN: ld.lld -pie -z now -e f %t.o %t.tga.o -o %t.prog
# RUN: %orc_verify %t.prog
# RUN: llvm-objdump -d %t.prog | FileCheck %s --check-prefix=PROG
# RUN: ld.lld -shared -z now %t.o %t.tga.o -o %t.so
# RUN: %orc_verify %t.so
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=LIB
# RUN: not %orc_as %S/Inputs/tls-broken.s -o %t.bad.o 2>&1 | FileCheck %s --check-prefix=BAD
	.text
	.globl f
	.type f,@function
f:
	pushq %rbx
	data16
	leaq gd@TLSGD(%rip), %rdi
	data16
	rex64
	callq *__tls_get_addr@GOTPCREL(%rip)
# CHECK: 66 48 8d 3d 00 00 00 00 leaq (%rip), %rdi
# CHECK-NEXT: R_X86_64_TLSGD gd-0x4
# CHECK-NEXT: 66 66 48 e8 00 00 00 00 callq
# CHECK-NEXT: R_X86_64_PLT32 __tls_get_addr-0x4
# CHECK-NEXT: {{[0-9a-f]*}}0:
	movq %rax, %rbx
	leaq ld@TLSLD(%rip), %rdi
	callq *__tls_get_addr@GOTPCREL(%rip)
# CHECK: 48 8d 3d 00 00 00 00 leaq (%rip), %rdi
# CHECK-NEXT: R_X86_64_TLSLD ld-0x4
# CHECK-NEXT: e8 00 00 00 00 callq
# CHECK-NEXT: R_X86_64_PLT32 __tls_get_addr-0x4
# CHECK-NEXT: {{[0-9a-f]*}}0:
	movl ld@DTPOFF(%rax), %eax
	addl (%rbx), %eax
	popq %rbx
	retq

	.section .tbss,"awT",@nobits
	.globl gd
gd:	.long 0
ld:	.long 0

# PROG: 64 48 8b 04 25 00 00 00 00 movq %fs:0x0, %rax
# PROG-NEXT: leaq -0x{{[0-9a-f]+}}(%rax), %rax
# PROG: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0x0, %rax
# PROG-NOT: callq
# LIB: 66 66 48 e8 {{.*}} callq {{.*}} <__tls_get_addr>
# LIB: e8 {{.*}} callq {{.*}} <__tls_get_addr>
# BAD: tls-broken.s:5: orc-as: refused `callq *%rax`: a TLS lea (x@tlsgd or x@tlsld) not followed by its call to __tls_get_addr
# BAD: tls-broken.s:7: orc-as: refused `movq %rax, %rbx`: data16 or rex64 written alone outside a TLS sequence

/* A lea-free %rsp write followed by a store through %rsp before the
 * re-basing: `mov %rdi, %rsp; movq $0, (%rsp); movl %esp, %esp; addq
 * %gs:0x10008, %rsp`. The store lands at the victim's address. Must
 * fail: S3 allows nothing between the write and its re-basing. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov %0, %%rdi\n"
                   ".byte 0x48, 0x89, 0xfc\n"
                   ".byte 0x48, 0xc7, 0x04, 0x24, 0, 0, 0, 0\n"
                   ".byte 0x89, 0xe4, 0x65, 0x67, 0x48, 0x03, 0x24, 0x25, 0x08, 0x00, 0x01, 0x00\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

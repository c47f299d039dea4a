/* A raw `syscall` (0f 05) in otherwise SFI code: write(1, secret guess, 32)
 * straight to the kernel, around the gate and its checks. Must fail: the
 * verifier refuses it (docs/sfi.md section 6), so the store never maps
 * the program; were it mapped, the seccomp filter traps system calls from
 * the code zone (SIGSYS). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov $1, %%eax\n mov $1, %%edi\n mov %0, %%rsi\n mov $32, %%edx\n"
                   ".byte 0x0f, 0x05\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

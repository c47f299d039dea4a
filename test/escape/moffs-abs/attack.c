/* An absolute moffs load `movabs 0x200010000, %eax` (a1 + 64-bit address):
 * no segment, no register, any address -- the victim's window, the
 * monitor. Must fail: only %gs: with 67 may use moffs (M1). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   ".byte 0xa1, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

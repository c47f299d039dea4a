/* A far `lretq` (48 cb) to a forged %cs:%rip on the stack (the monitor's
 * gate). Must fail: section 6 refuses far returns (and C3 every ret). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "push $0x33\n push %%gs:0x10000\n"
                   ".byte 0x48, 0xcb\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* A memory-indirect jump, `jmp *%gs:(%eax)` (65 67 ff 20) with %eax =
 * 0x10000: through slot 0 of the table, which holds the gate's address,
 * a jump (not the one allowed call) into the gate,
 * with the cVM's stack as it is: a memory-indirect branch takes its target
 * unmasked. Must fail: C2. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov $0x10000, %%eax\n"
                   ".byte 0x65, 0x67, 0xff, 0x20\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* `mov %rax, 0x10000(%rsp)`: a store 64 KiB above the stack pointer, past
 * the 32 KiB bound (F2 guards only 64 KiB at a window edge; a larger
 * displacement near the top of the window reaches the next one). Must
 * fail: M3. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   ".byte 0x48, 0x89, 0x84, 0x24, 0x00, 0x00, 0x01, 0x00\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

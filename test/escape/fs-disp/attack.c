/* `mov %fs:0x10000, %rax`: a thread-pointer displacement of 64 KiB, past the
 * 32 KiB bound that keeps FS + d inside the window (or in the guard). With
 * a larger one FS + d reaches the next window. Must fail: M4. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   ".byte 0x64, 0x48, 0x8b, 0x04, 0x25, 0x00, 0x00, 0x01, 0x00\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

/* Two segment prefixes, `65 64 67 8b 07`: gs, then fs, then a 32-bit load
 * from (%edi). On this CPU (checked natively: the last of FS/GS wins) the
 * load is FS + %edi, up to 4 GiB past the thread pointer -- the next
 * window; a decoder that takes the first prefix sees M1 (%gs:, 32-bit).
 * %rdi is set to 4 GiB - 64 KiB so the load lands in the next window.
 * Must fail: the verifier (Zydis) takes the last prefix as the CPU does
 * and sees %fs: with a base register (M4). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "mov $0xffff0000, %%edi\n"
                   ".byte 0x65, 0x64, 0x67, 0x8b, 0x07\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

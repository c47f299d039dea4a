/* A big `sub $0x7fffffff, %rsp` (48 81 ec ff ff ff 7f) and a push, without
 * the re-basing: %rsp leaves the window by 2 GiB. Must fail: S3. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   ".byte 0x48, 0x81, 0xec, 0xff, 0xff, 0xff, 0x7f, 0x50\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

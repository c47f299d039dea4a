/* A raw `rep movsb` (f3 a4) copying from the victim's secret: its
 * %ds:%rsi and %es:%rdi operands take no %gs: and no 32-bit addressing.
 * Must fail: string instructions are refused (section 6); orc-as would
 * rewrite it (case rep-movsb-sfi). */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv), w = own_window();
  (void)w;
  out("attacker: running the raw instruction\n");
  __asm__ volatile(".p2align 5\n"
                   "sub $64, %%rsp\n mov %0, %%rsi\n mov %%rsp, %%rdi\n mov $32, %%ecx\n"
                   ".byte 0xf3, 0xa4\n"
                   : : "r"(target), "r"(w)
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
  out("ESCAPED: the raw instruction ran and the attacker went on\n");
  end(0);
}

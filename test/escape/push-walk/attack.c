/* Pushes walking off the stack toward the window below (the victim's top):
 * push, push, push... each moves %rsp by 8 and is allowed unmasked
 * (docs/sfi.md section 3, implicit accesses): a contiguous walk meets the
 * stack's guard page (and F2's unmapped edge) long before it leaves the
 * window. Must be contained: the attacker dies of a stack overflow. */
#include "attack.h"

int main(int argc, char **argv) {
  out("attacker: pushing\n");
  __asm__ volatile("mov $0x10000000, %%ecx\n1: push %%rcx\n dec %%ecx\n jnz 1b" ::: "rcx", "memory");
  out("ESCAPED: pushed 2 GiB\n");
  end(0);
}

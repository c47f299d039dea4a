/* A forged return address after the gate: before `call *%gs:0x10000` the
 * attacker pushes a monitor address (the gate + 16) as if it were the
 * return address the gate would use, and after the call puts it back in
 * the slot the call used, hoping the gate returns through the stack.
 * The gate pops its own return address at once and returns to it
 * zero-extended to 32 bits (monitor/gate.S), never through the stack.
 * Must be contained: the hostcall returns to the caller (getpid answers),
 * the forged words on the stack are never used. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long gate, r;
  __asm__ volatile("mov %%gs:0x10000, %0" : "=r"(gate));
  unsigned long forged = gate + 16;
  __asm__ volatile("push %1\n push %1\n mov $39, %%edi\n call *%%gs:0x10000\n"
                   "pop %%rcx\n pop %%rcx"
                   : "=a"(r) : "r"(forged) : "rdi", "rsi", "rdx", "rcx", "r8", "r9",
                     "r10", "r11", "memory");
  say("getpid answered ", r);
  out("the gate returned to its caller\n");
  end(0);
}

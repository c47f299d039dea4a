/* Privileged instructions in cVM code: `cli` (fa, interrupts off; orc-as
 * refuses it, so it is a raw byte here), then `mov %cr0, %rax` (0f 20 c0).
 * docs/sfi.md section 6 refuses privileged and system instructions ("fault
 * today; refused so no future mode makes them matter"). Must fail: the
 * verifier refuses it (section 6). Found: the verifier accepts cli, sti
 * and mov from %crN/%drN (Zydis files them under allowed categories), so
 * this case fails until it does; at run time #GP kills the attacker alone. */
#include "attack.h"

int main(int argc, char **argv) {
  out("attacker: cli\n");
  __asm__ volatile(".p2align 5\n .byte 0xfa\n .byte 0x0f, 0x20, 0xc0" ::: "rax");
  out("ESCAPED: cli and mov %cr0 ran\n");
  end(0);
}

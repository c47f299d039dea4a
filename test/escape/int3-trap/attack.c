/* `int3` is allowed in cVM code (docs/sfi.md section 6: padding and
 * breakpoints), so verified code can raise SIGTRAP at will. Must be
 * contained: the monitor kills the attacker cVM alone; the victim and the
 * monitor go on. (Its neighbours popf and int1 are refused: a trap
 * that reached the monitor unhandled would end every cVM.) */
#include "attack.h"

int main(int argc, char **argv) {
  out("attacker: int3\n");
  __asm__ volatile("int3");
  out("ESCAPED: int3 returned\n");
  end(0);
}

/* A store into the capability table at W + 64 KiB: slot 0 to a monitor
 * address of the attacker's choosing (the gate + 16, past its checks), so
 * that the next `call *%gs:0x10000` would enter the monitor anywhere. The
 * table is mapped read-only (docs/sfi.md section 1). Must be contained:
 * the store faults (SIGSEGV at the table) and kills the attacker alone. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long w = own_window();
  volatile unsigned long *slot0 = (volatile unsigned long *)(w + 0x10000);
  say("slot 0 holds ", *slot0 == 0 ? 0 : 1);
  *slot0 = *slot0 + 16;
  out("ESCAPED: the table is writable\n");
  HC3(39, 0, 0, 0);
  end(0);
}

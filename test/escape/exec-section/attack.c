/* Code outside the ORC text: a section of its own, "orc_evil", marked
 * executable ("ax", exec-section.s) and holding a raw `syscall`, called
 * from main. The linker puts it in the executable segment beside .text;
 * the verifier checks every byte of every PF_X segment, not sections.
 * Must fail: the verifier refuses the syscall (section 6). */
#include "attack.h"

void evil(unsigned long p);

int main(int argc, char **argv) {
  out("attacker: calling into the evil section\n");
  evil(victim_secret(argv));
  out("ESCAPED: came back\n");
  end(0);
}

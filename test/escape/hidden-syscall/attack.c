/* Bytes that decode differently from an unaligned start: hidden_jump
 * (hidden-syscall.s) holds `movabs $0x909090900b0f050f, %rax`, harmless
 * from its first byte, whose immediate is `syscall; ud2` from its third;
 * a direct `jmp` goes to that third byte, with write(1, guess, 32) set
 * up. Must fail: B3, a direct branch target must be an instruction start
 * of the bundle decoding. */
#include "attack.h"

void hidden_jump(unsigned long target);

int main(int argc, char **argv) {
  out("attacker: jumping into an immediate\n");
  hidden_jump(victim_secret(argv));
  out("ESCAPED: came back\n");
  end(0);
}

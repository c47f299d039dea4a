/* Executable bytes the verifier never saw: the loader verifies the text
 * segment's bytes [vaddr, vaddr + memsz) but makes whole pages executable
 * (loader/map.c, protect), so the zeros between the text's end and its
 * page's end are executable too. They are bundle starts below 4 GiB, so a
 * C1-masked jump (built by orc-as, verified) may land there; `00 00` is
 * `add %al, (%rax)`, a plain store through a 64-bit register. With %rax at
 * the victim's secret (+1, so that %al is odd), each of the hundreds of
 * zero pairs adds %al to the victim's byte before the run falls off the
 * page and faults. Must be contained: the attacker may die, but the
 * victim's secret must not change. (If it does, executable pages hold
 * unverified bytes: a loader bug, reported.) */
#include "attack.h"

extern char etext[]; /* lld: the end of the text */

int main(int argc, char **argv) {
  unsigned long target = victim_secret(argv) + 1;
  unsigned long to = ((unsigned long)etext + 31) & ~31ul;
  say("jumping to the page tail at ", to);
  __asm__ volatile("mov %0, %%rax\n jmp *%1" : : "r"(target), "r"(to) : "rax", "memory");
  out("ESCAPED: came back\n");
  end(0);
}

/* Executable bytes the verifier never saw, before the text: the loader
 * verifies [vaddr, vaddr + memsz) of the text segment but makes whole
 * pages executable (loader/map.c, protect), so the zeros from the text's
 * first page start up to vaddr run too. A C1-masked jump (built by orc-as,
 * verified) to that page start executes `00 00` = `add %al, (%rax)`, a
 * plain store, hundreds of times, with %rax at the victim's secret + 1,
 * and then falls into the text's first instruction (_start), which runs
 * main again: the attacker carries on as if nothing happened. Must be
 * contained: the victim's secret must not change. (Fails while executable
 * pages hold unverified bytes: reported; case unverified-page-tail is the
 * same through the last page.) */
#include "attack.h"

static volatile int passes;

int main(int argc, char **argv) {
  if (passes++) {
    out("back in main after running the page head\n");
    end(0);
  }
  unsigned long target = victim_secret(argv) + 1;
  unsigned long head = (unsigned long)&main & ~4095ul;
  say("jumping to the page head at ", head);
  __asm__ volatile("mov %0, %%rax\n jmp *%1" : : "r"(target), "r"(head) : "rax", "memory");
  out("ESCAPED: came back\n");
  end(0);
}

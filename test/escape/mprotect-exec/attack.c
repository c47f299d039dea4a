/* Making cVM data executable, or its text writable, through hostcalls:
 * mmap(PROT_EXEC), mprotect(own page, PROT_READ|PROT_EXEC) after writing
 * `syscall` into it, mprotect(own text, PROT_WRITE). cVM-made code would
 * never have been verified. Must be contained: each answers an error
 * (EPERM, EACCES, EINVAL or ENOMEM), nothing becomes executable or
 * writable, and jumping to the page faults (SIGSEGV). */
#include "attack.h"

int main(int argc, char **argv) {
  long r = hc(9, 0, 4096, 7, 0x22, -1, 0); /* mmap RWX anonymous */
  say("mmap(PROT_EXEC) = ", (unsigned long)r);
  out(r < 0 && r > -4096 ? "mmap refused\n" : "ESCAPED: mmap gave executable memory\n");
  unsigned char *page = (unsigned char *)hc(9, 0, 4096, 3, 0x22, -1, 0); /* RW */
  say("data page at ", (unsigned long)page);
  page[0] = 0x0f, page[1] = 0x05;
  r = HC3(10, page, 4096, 5); /* mprotect R+X */
  say("mprotect(data, PROT_EXEC) = ", (unsigned long)r);
  out(r < 0 ? "mprotect exec refused\n" : "ESCAPED: data made executable\n");
  unsigned long text = (unsigned long)&main & ~4095ul;
  r = HC3(10, text, 4096, 3); /* mprotect text R+W */
  say("mprotect(text, PROT_WRITE) = ", (unsigned long)r);
  if (r == 0) {
    volatile unsigned char *t = (volatile unsigned char *)text;
    t[0] = t[0];
    out("ESCAPED: the text became writable\n");
  } else {
    out("mprotect write refused\n");
  }
  out("jumping to the data page\n");
  ((void (*)(void))(void *)page)();
  out("ESCAPED: data executed\n");
  end(0);
}

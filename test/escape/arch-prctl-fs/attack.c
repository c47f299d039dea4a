/* Moving FS by hostcall: arch_prctl(ARCH_SET_FS, p) with p the victim's
 * secret (the window below), then `mov %fs:0, %rax` (M4, allowed) would
 * read it; also p = W + 2 GiB - 8 (FS + 32 KiB would leave the region)
 * and p = the monitor. The monitor keeps FS in [W + 64 KiB, W + 2 GiB -
 * 64 KiB) of the caller (docs/sfi.md section 1). Must be contained: each
 * set is refused (this monitor answers ENOSYS: FS is set only at thread
 * start) or folded into the own window: %fs:0 reads own memory. */
#include "attack.h"

int main(int argc, char **argv) {
  unsigned long w = own_window(), p = victim_secret(argv), v;
  unsigned long ps[3] = {p, w + 2 * GiB - 8, 0x7f0000001000ul};
  for (int i = 0; i < 3; i++) {
    long r = HC3(158, 0x1002, ps[i], 0);
    say("arch_prctl(ARCH_SET_FS) = ", (unsigned long)r);
    unsigned long fs = 0;
    HC3(158, 0x1003, &fs, 0); /* ARCH_GET_FS */
    say("FS is now ", fs);
    if (fs && (fs < w + 0x10000 || fs >= w + 2 * GiB - 0x10000))
      out("ESCAPED: FS outside my region\n");
  }
  HC3(158, 0x1002, ps[0], 0);
  __asm__ volatile("mov %%fs:0, %0" : "=r"(v));
  say("%fs:0 = ", v);
  end(0);
}

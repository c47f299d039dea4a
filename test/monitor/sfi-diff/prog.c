/* The verifier's differential check (issue: the loader verifies cVM
 * machine code): code the verifier accepted, run from an arbitrary
 * bundle start with hostile registers, must never touch memory outside
 * this cVM's window. The code is libc's (verified, 540 KB of SFI text):
 * from a bundle start drawn from the seed in argv[1], within 256 KiB of
 * memcpy, every general register but %rsp holds an address outside the
 * window that nothing maps (the next and the previous window's unmapped
 * first pages, the null page, [4 GiB, 6 GiB), a high address). Whatever
 * the code does, an access it makes through them that is not confined
 * faults there, at an address outside the window, which the monitor
 * reports and sfi-diff-test refuses; a confined one lands in this
 * window (or the code zone), where the fault address says so. */
#include "rt.h"

extern char memcpy[]; /* libc's text, through the GOT */

static unsigned long next(unsigned long *s) { /* xorshift64 */
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

int main(int argc, char **argv) {
  unsigned long seed = 0;
  for (const char *p = argv[1]; p && *p; p++)
    seed = seed * 10 + (unsigned long)(*p - '0');
  seed = seed * 0x9e3779b97f4a7c15ul + 1;
  unsigned long w;
  __asm__ volatile("mov %%gs:0x10008, %0" : "=r"(w));
  unsigned long target = ((unsigned long)memcpy + (next(&seed) % (512 << 10)) -
                          (256 << 10)) & ~31ul;
  out("window ");
  out_num((long)w);
  out(" target ");
  out_num((long)target);
  out("\n");
  unsigned long r[15];
  const unsigned long bad[] = {w + (4ul << 30) + 0x1000, w - (4ul << 30) + 0x2000,
                               0x800, (5ul << 30) + 0x3000, 0x7ff000000000ul};
  for (int i = 0; i < 14; i++)
    r[i] = bad[next(&seed) % 5] + (next(&seed) % 0x800) * 8;
  r[14] = target;
  /* Every register from r[], the target through %r11 (masked by orc-as),
   * %rax last since it is the base. */
  __asm__ volatile(
      "mov 0(%%rax), %%rbx\n\tmov 8(%%rax), %%rcx\n\tmov 16(%%rax), %%rdx\n\t"
      "mov 24(%%rax), %%rsi\n\tmov 32(%%rax), %%rdi\n\tmov 40(%%rax), %%rbp\n\t"
      "mov 48(%%rax), %%r8\n\tmov 56(%%rax), %%r9\n\tmov 64(%%rax), %%r10\n\t"
      "mov 72(%%rax), %%r12\n\tmov 80(%%rax), %%r13\n\tmov 88(%%rax), %%r14\n\t"
      "mov 96(%%rax), %%r15\n\tmov 112(%%rax), %%r11\n\tmov 104(%%rax), %%rax\n\t"
      "jmp *%%r11"
      : : "a"(r) : "memory");
  __builtin_unreachable();
}

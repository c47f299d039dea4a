// The same freestanding program twice for verify-test: assembled by orc-as
// (SFI, docs/sfi.md) and by clang's own assembler. Exits 42 after one line.
static long hc(long nr, long a, long b, long c) {
#ifdef SFI
  register long rdi __asm__("rdi") = nr, rsi __asm__("rsi") = a,
                rdx __asm__("rdx") = b, rcx __asm__("rcx") = c;
  long ret;
  __asm__ volatile("call *%%gs:0x10000"
                   : "=a"(ret), "+r"(rdi), "+r"(rsi), "+r"(rdx), "+r"(rcx)
                   :
                   : "r8", "r9", "r10", "r11", "memory", "cc");
  return ret;
#else
  return ((long (*)(long, long, long, long, long, long, long))(
      *(long volatile __seg_gs *)0x10000))(nr, a, b, c, 0, 0, 0);
#endif
}

static const char line[] = "verified code runs\n";

__attribute__((used)) void _start_c(void) {
  hc(1, 1, (long)line, sizeof line - 1);
  hc(231, 42, 0, 0);
}

__asm__(".globl _start\n_start:\n  and $-16, %rsp\n  call _start_c\n  ud2\n");

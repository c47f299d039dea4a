/* A freestanding cVM runtime in one header, for monitor tests that must
 * not depend on libc: the entry point, hostcalls through the gate, and a
 * few helpers. Built with orc.so like any cVM code. */
#ifndef ORC_TEST_RT_H
#define ORC_TEST_RT_H

typedef unsigned long size_t;
typedef long (*gate_fn)(long, long, long, long, long, long, long);

#ifdef ORC_TEST_SFI
/* SFI code (docs/sfi.md C4) calls the gate exactly as `call *%gs:0x10000`,
 * the sixth argument on the stack. Built without a red zone (run-case), as
 * the push would overwrite it. */
static inline long hc(long nr, long a, long b, long c, long d, long e, long f) {
  register long rdi __asm__("rdi") = nr, rsi __asm__("rsi") = a,
                rdx __asm__("rdx") = b, rcx __asm__("rcx") = c,
                r8 __asm__("r8") = d, r9 __asm__("r9") = e;
  long ret;
  __asm__ volatile("push %[f]\n\tcall *%%gs:0x10000\n\tadd $8, %%rsp"
                   : "=a"(ret), "+r"(rdi), "+r"(rsi), "+r"(rdx), "+r"(rcx),
                     "+r"(r8), "+r"(r9)
                   : [f] "r"(f)
                   : "r10", "r11", "memory", "cc", "xmm0", "xmm1", "xmm2",
                     "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9",
                     "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
  return ret;
}
#else
static inline long hc(long nr, long a, long b, long c, long d, long e, long f) {
  gate_fn gate;
  __asm__ volatile("mov %%gs:0x10000, %0" /* ORC_CTABLE_OFFSET */ : "=r"(gate));
  return gate(nr, a, b, c, d, e, f);
}
#endif
#define HC3(nr, a, b, c) hc((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)

static inline size_t rt_strlen(const char *s) {
  size_t n = 0;
  while (s[n])
    n++;
  return n;
}
static inline void out(const char *s) { HC3(1, 1, s, rt_strlen(s)); }
static inline void out_num(long v) {
  char b[24], *p = b + 23;
  int neg = v < 0;
  unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
  *p = 0;
  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (neg)
    *--p = '-';
  out(p);
}
static inline __attribute__((noreturn)) void rt_exit(int status) {
  HC3(231, status, 0, 0);
  __builtin_unreachable();
}

/* The program: main(argc, argv) on the initial stack the monitor built. */
int main(int argc, char **argv);
__attribute__((used)) static void rt_start_c(long *sp) {
  rt_exit(main((int)sp[0], (char **)(sp + 1)));
}
__asm__(".globl _start\n_start:\n mov %rsp, %rdi\n and $-16, %rsp\n"
        " call rt_start_c\n ud2\n");

#endif

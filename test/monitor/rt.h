/* A freestanding cVM runtime in one header, for monitor tests that must
 * not depend on libc: the entry point, hostcalls through the gate, and a
 * few helpers. Built with orc.so like any cVM code. */
#ifndef ORC_TEST_RT_H
#define ORC_TEST_RT_H

typedef unsigned long size_t;
typedef long (*gate_fn)(long, long, long, long, long, long, long);

static inline long hc(long nr, long a, long b, long c, long d, long e, long f) {
  gate_fn gate;
  __asm__ volatile("mov %%gs:0x10000, %0" /* ORC_CTABLE_OFFSET */ : "=r"(gate));
  return gate(nr, a, b, c, d, e, f);
}
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

/* Linux's x86-64 ucontext as rt_sigreturn reads it, for the cases that
 * forge one (freestanding: no libc headers). */
#ifndef ORC_TEST_SIGFRAME_H
#define ORC_TEST_SIGFRAME_H
struct forged_uc {
  unsigned long flags, link, ss_sp;
  int ss_flags, pad;
  unsigned long ss_size;
  unsigned long gregs[23]; /* r8..r15 rdi rsi rbp rbx rdx rax rcx rsp rip eflags ... */
  unsigned long fpregs, reserved[8], sigmask;
};
enum { G_RSP = 15, G_RIP = 16, G_EFL = 17 };
#define FLAG_TF 0x100ul
#define FLAG_DF 0x400ul
#define FLAG_AC 0x40000ul
#define FLAG_IOPL 0x3000ul
#endif

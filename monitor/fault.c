/* Faults and the end of a cVM.
 *
 * SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP (cVM code misbehaving) and
 * SIGSYS (a system call the seccomp filter refused) kill the cVM whose
 * thread took them, never the monitor, unless cVM code took the fault and
 * has a handler for it, not blocked (signal.c delivers it then; never for
 * SIGSYS): the handler runs on the thread's alternate
 * stack, finds the thread from the kernel's thread id (thread_self: never
 * through GS or cVM memory, which the cVM may have forged or pointed at
 * junk), restores the monitor's FS, reports the
 * cVM, the signal, the address and the object, and leaves through the
 * thread's exit jump. A fault on a thread that runs no cVM is a monitor
 * bug: it takes the default action.
 *
 * SIG_CVM_END tells a cVM's other threads that it is ending: in cVM code
 * they leave at once; inside a hostcall they are interrupted and leave at
 * the gate (orc_dispatch), never with a monitor lock held. */
#define _GNU_SOURCE
#include "monitor.h"

#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>


static const char *signame(int sig) {
  switch (sig) {
  case SIGSEGV: return "SIGSEGV";
  case SIGBUS: return "SIGBUS";
  case SIGFPE: return "SIGFPE";
  case SIGILL: return "SIGILL";
  case SIGTRAP: return "SIGTRAP";
  case SIGSYS: return "SIGSYS (a raw system call, refused)";
  default: return "signal";
  }
}

/* in_monitor: the thread was serving a hostcall when it faulted. */
static void report(struct cvm_thread *t, int in_monitor, int sig, siginfo_t *si,
                   ucontext_t *uc) {
  struct cvm *c = t->cvm;
  void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
  uint64_t off = 0;
  const char *obj = orc_link_object_at(c->link, pc, &off);
  char where[512];
  if (obj)
    snprintf(where, sizeof where, "%s+0x%lx", obj, (unsigned long)off);
  else
    snprintf(where, sizeof where, "%p (%s)", pc,
             in_monitor ? "in the monitor, serving a hostcall"
                        : "outside every object");
  const char *what = "";
  uintptr_t addr = (uintptr_t)si->si_addr;
  /* A large frame can step over the guard page: allow some slack. */
  if (sig == SIGSEGV && t->guard && addr < (uintptr_t)t->guard + 4096 &&
      addr + 65536 >= (uintptr_t)t->guard && addr >= (uintptr_t)c->mem.base)
    what = " (stack overflow)";
  char msg[1024];
  int n = snprintf(msg, sizeof msg,
                   "orc: cVM %s (#%u) killed: %s at address %p%s, pc %s\n",
                   c->name, c->id, signame(sig), si->si_addr, what, where);
  if (write(2, msg, (size_t)n) < 0)
    return;
}

__attribute__((no_stack_protector)) static void on_fault(int sig, siginfo_t *si,
                                                         void *ucv) {
  struct cvm_thread *t = thread_self();
  if (!t) {
    signal(sig, SIG_DFL); /* a fault in the monitor itself */
    raise(sig);
    return;
  }
  if (guest_fault(t, ucv, si->si_addr))
    return; /* a copy of guest.c: the hostcall answers -EFAULT */
  if (signal_fault(t, sig, si, ucv))
    return; /* cVM code faulted and has a handler: it runs now */
  int in_monitor = t->in_monitor; /* before orc_fs_to_host sets it */
  orc_fs_to_host(t); /* the thread leaves cVM code for good */
  report(t, in_monitor, sig, si, ucv);
  cvm_kill(t, 128 + sig, sig);
}

__attribute__((no_stack_protector)) static void on_end(int sig, siginfo_t *si,
                                                       void *ucv) {
  (void)sig, (void)si, (void)ucv;
  struct cvm_thread *t = thread_self();
  if (!t)
    return;
  t->exiting = 1;
  if (t->in_monitor)
    return; /* it leaves at the gate */
  orc_fs_to_host(t);
  siglongjmp(t->exit_jmp, 1);
}

void fault_init(void) {
  /* SIGTRAP: int3 is allowed in cVM code (docs/sfi.md section 6). */
  static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS};
  struct sigaction sa = {0};
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  /* The end of the cVM waits until the handler is back in cVM code (or
   * left through exit_jmp, which restores the mask). */
  sigaddset(&sa.sa_mask, SIG_CVM_END);
  for (size_t i = 0; i < sizeof faults / sizeof *faults; i++)
    sigaction(faults[i], &sa, NULL);
  sa.sa_sigaction = on_end;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK; /* no SA_RESTART: interrupt hostcalls */
  sigemptyset(&sa.sa_mask);
  sigaction(SIG_CVM_END, &sa, NULL);
  /* cVM signals (signal.c): no SA_RESTART either, so that a blocking
   * hostcall returns EINTR; the end of the cVM waits until it returns. */
  orc_host_pid = getpid();
  orc_sig_deliver = SIG_CVM_SIG;
  sa.sa_sigaction = signal_on_host;
  sigaddset(&sa.sa_mask, SIG_CVM_END);
  sigaction(SIG_CVM_SIG, &sa, NULL);
}

/* Mapped rather than allocated: malloc on a new thread would give it a
 * heap arena of its own, and the stack is rarely touched at all. */
void thread_signals_init(struct cvm_thread *t) {
  t->alt_stack = mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (t->alt_stack == MAP_FAILED) {
    t->alt_stack = NULL;
    return;
  }
  stack_t ss = {.ss_sp = t->alt_stack, .ss_size = ALT_STACK_SIZE};
  sigaltstack(&ss, NULL);
}

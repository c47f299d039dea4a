/* What signal.c (the signal state and hostcalls) and sigframe.c (frames,
 * delivery into cVM code, rt_sigreturn) share; no other file includes it.
 * Every function here is called with c->lock held but sig_set_blocked,
 * sig_code_at and sig_return. */
#ifndef ORC_SIGSTATE_H
#define ORC_SIGSTATE_H

#include "monitor.h"

#define BIT(s) (1ull << ((s) - 1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))
#define K_SIG_DFL 0 /* the handler values rt_sigaction takes */
#define K_SIG_IGN 1
#define IN_ZONE(p) ((p) >= CODE_ZONE_BASE && (p) < CODE_ZONE_BASE + CODE_ZONE_SIZE)

/* Linux's siginfo_t, as the cVM reads it (the frame, sigtimedwait) and
 * writes it (sigqueue). */
struct cvm_siginfo {
  int32_t signo, err, code, pad;
  union {
    struct {
      int32_t pid;
      uint32_t uid;
      uint64_t value;
    } kill;
    uint64_t addr;
  } u;
  char rest[128 - 32];
};
_Static_assert(sizeof(struct cvm_siginfo) == 128, "siginfo size");

/* 1 if signal sig of c is ignored: SIG_IGN, or SIG_DFL whose default is to
 * ignore. */
int sig_ignored(const struct cvm *c, int sig);
/* The first siginfo of sig, pending in *set (a thread's or the cVM's), taken
 * off: the bit is cleared with the last one queued. */
struct cvm_siginfo_slot sig_pend_take(uint64_t *set, struct cvm_sigqueue *q,
                                      int sig);
/* Thread t's mask (SIGKILL and SIGSTOP never in it); the cVM's pending
 * signals it no longer blocks become its own. Takes c->lock. */
void sig_set_blocked(struct cvm_thread *t, uint64_t mask);
/* Where pc lies: 0 outside every object of c's link (or the code zone),
 * 1 in an object, 2 in one that passed the SFI verifier. */
int sig_code_at(const struct cvm *c, uint64_t pc);
/* rt_sigreturn of the frame whose ucontext is at cVM pointer uc
 * (sigframe.c): loads the checked context, or ends the cVM. */
void sig_return(struct cvm_thread *t, uint64_t uc) __attribute__((noreturn));

/* A cVM pointer as the cVM's own address (W + its low 32 bits). */
static inline uint64_t sig_in_window(const struct cvm_thread *t, uint64_t p) {
  return t->window + (uint32_t)p;
}

/* sp on thread t's alternate stack. */
static inline int sig_on_altstack(const struct cvm_thread *t, uint64_t sp) {
  uint64_t base = sig_in_window(t, t->ss_sp);
  return t->ss_size && sig_in_window(t, sp) - base < t->ss_size;
}

#endif

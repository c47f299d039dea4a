/* cVM signals: what Linux does for a process, for each cVM.
 *
 * Kept by the monitor, never read back from cVM memory: each cVM's
 * dispositions (c->sigact, copied in by rt_sigaction), each thread's
 * blocked mask, pending set (with one siginfo per signal: standard and
 * real-time signals alike are not queued twice) and alternate stack, and
 * the signals sent to the whole cVM that all its threads block. Only the
 * cVM's own threads send its signals (kill, tkill, tgkill, sigqueue; its
 * own faults): no hostcall names another cVM or the monitor, and the host
 * signal used for delivery (SIG_CVM_SIG) is sent only to this cVM's
 * threads.
 *
 * Delivery. A signal is delivered to a thread when it is pending there
 * and not blocked, at one of three points, each with the full context the
 * thread would resume with:
 *  - the exit of a hostcall: the gate's tail (gate.S) finds it and raises
 *    SIG_CVM_SIG on its own host thread; the handler below sees the pc in
 *    the tail and takes the context from the thread's record (result,
 *    return address, cVM stack) and the kernel's frame (the callee-saved
 *    registers, untouched by the tail);
 *  - cVM code running without hostcalls: the sender raises SIG_CVM_SIG on
 *    the target's host thread; the handler finds the pc in the code zone
 *    and takes the kernel's context of it. Anywhere else in the monitor
 *    the signal waits for the hostcall's exit (the host signal also makes
 *    a blocking hostcall return EINTR, as Linux's syscalls do);
 *  - a synchronous fault in cVM code with a handler (fault.c asks
 *    signal_fault).
 * The frame is Linux's rt_sigframe on the cVM's stack (or its alternate
 * stack with SA_ONSTACK): the restorer as return address, a ucontext and
 * a siginfo; the handler is entered with rdi, rsi, rdx as Linux passes
 * them and the mask updated. The kernel's frame of the host handler is then
 * rewritten to enter the cVM handler: the kernel's own sigreturn loads
 * every register, the FP state included, in one step.
 *
 * rt_sigreturn reads the frame back through guest.c and restores only
 * what cVM code may set itself: general registers, the arithmetic flags
 * and DF (never TF, AC, IF, IOPL), rsp as W + its low 32 bits, the mask
 * (never SIGKILL or SIGSTOP), and rip only if it is the pc the monitor
 * itself saved for that frame (kept in the thread's records, in monitor
 * memory, keyed by the frame) or a bundle start in the code zone (a
 * 32-byte aligned address there, where SFI code may jump anyway). GS is
 * W, FS the one the monitor recorded. A frame it did not make and whose
 * rip is anything else ends the cVM with SIGSEGV. The FP state is the
 * one saved in the record (a cVM's edits to the frame's FP state are not
 * loaded); the context is loaded as a delivery is, by raising
 * SIG_CVM_SIG on the thread with t->resume set.
 *
 * A hostcall interrupted by a handler with SA_RESTART (it answered EINTR)
 * is restarted by the monitor when the handler returns, from the
 * arguments saved in the record; the frame shows the pc one byte before
 * the return address (inside the call instruction), as Linux shows the
 * syscall instruction, so that musl's cancellation handler sees an
 * interrupted cancellable call as one that has not completed. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <linux/futex.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

int orc_host_pid, orc_sig_deliver;

#define BIT(s) (1ull << ((s) - 1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))
#define K_SIG_DFL 0
#define K_SIG_IGN 1
#define K_SA_RESTORER 0x04000000ull
#define SI_USER_CODE 0
#define SI_TKILL_CODE (-6)
/* Flags cVM code may keep: CF PF AF ZF SF DF OF; IF and bit 1 always set. */
#define FLAGS_CVM 0xcd5ull
#define FLAGS_FIXED 0x202ull
#define FLAG_DF 0x400ull
#define STACK_MIN 2048 /* MINSIGSTKSZ */
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1u << 31)
#endif
#define IN_ZONE(p) ((p) >= CODE_ZONE_BASE && (p) < CODE_ZONE_BASE + CODE_ZONE_SIZE)

/* Linux's x86-64 signal frame, as musl and programs read it. */
struct cvm_ucontext {
  uint64_t flags, link;
  uint64_t ss_sp;
  int32_t ss_flags, pad;
  uint64_t ss_size;
  uint64_t gregs[23]; /* REG_R8 .. REG_CR2, <ucontext.h>'s order */
  uint64_t fpregs;    /* 0: the FP state is the monitor's to keep */
  uint64_t reserved[8];
  uint64_t sigmask;
};
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
struct cvm_sigframe {
  uint64_t pretcode; /* the restorer, the handler's return address */
  struct cvm_ucontext uc;
  struct cvm_siginfo info;
};
_Static_assert(offsetof(struct cvm_sigframe, uc.gregs) == 48, "sigcontext");
_Static_assert(offsetof(struct cvm_sigframe, uc.sigmask) == 8 + 296, "mask");
_Static_assert(offsetof(struct cvm_sigframe, info) == 8 + 304, "siginfo");
_Static_assert(sizeof(struct cvm_siginfo) == 128, "siginfo size");
_Static_assert(offsetof(struct cvm_thread, result) == 104 &&
                   offsetof(struct cvm_thread, sig_blocked) == 112 &&
                   offsetof(struct cvm_thread, sig_pending) == 120 &&
                   offsetof(struct cvm_thread, host_tid) == 128 &&
                   offsetof(struct cvm_thread, in_monitor) == 132 &&
                   offsetof(struct cvm_thread, exiting) == 136,
               "gate.S reads these by offset");

/* What the monitor remembers of a frame it made: where (its ucontext,
 * what __restore_rt hands back), the pc it saved, the hostcall to restart,
 * the FP state. A few per thread, the oldest reused: a frame left by
 * siglongjmp is never returned through. */
#define SIG_RECORDS 8
#define SIG_RECORD_SIZE 4096
struct sig_record {
  uint64_t uc, rip, seq;
  uint64_t args[7];
  int restart;
  int rsp_offset; /* rsp was an offset below 4 GiB (docs/sfi.md S3) */
  uint32_t fplen;
  _Alignas(64) unsigned char fp[SIG_RECORD_SIZE - 128];
};
_Static_assert(sizeof(struct sig_record) == SIG_RECORD_SIZE, "record");

extern const char orc_gate_tail[], orc_gate_tail_end[];

/* ---- Dispositions ------------------------------------------------------- */

/* Linux's default actions: 1 ignore, 0 end the cVM. Stop signals and
 * SIGCONT are ignored too: a cVM is never stopped. */
static int default_ignores(int sig) {
  switch (sig) {
  case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
  case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
    return 1;
  }
  return 0;
}

static int ignored(const struct cvm *c, int sig) {
  uint64_t h = c->sigact[sig - 1].handler;
  return h == K_SIG_IGN || (h == K_SIG_DFL && default_ignores(sig));
}

/* Pending sets and their siginfo, c->lock held. pend_add: sig pending in
 * *set (a standard signal once; -EAGAIN if a real-time one finds the
 * queue full). pend_take: the first siginfo of a pending sig, the bit
 * cleared with the last. */
static int pend_add(uint64_t *set, struct cvm_sigqueue *q, int sig,
                    const struct cvm_siginfo_slot *si) {
  if (!(*set & BIT(sig))) {
    q->info[sig - 1] = *si;
    __atomic_or_fetch(set, BIT(sig), __ATOMIC_SEQ_CST);
    return 0;
  }
  if (sig < 32)
    return 0;
  if (q->nmore == CVM_SIGQUEUE)
    return -EAGAIN;
  q->more[q->nmore].sig = sig;
  q->more[q->nmore++].si = *si;
  return 0;
}

static struct cvm_siginfo_slot pend_take(uint64_t *set, struct cvm_sigqueue *q,
                                         int sig) {
  struct cvm_siginfo_slot si = q->info[sig - 1];
  for (int i = 0; i < q->nmore; i++)
    if (q->more[i].sig == sig) {
      q->info[sig - 1] = q->more[i].si;
      memmove(&q->more[i], &q->more[i + 1],
              (size_t)(q->nmore - i - 1) * sizeof q->more[0]);
      q->nmore--;
      return si;
    }
  __atomic_and_fetch(set, ~BIT(sig), __ATOMIC_SEQ_CST);
  return si;
}

static void pend_drop(uint64_t *set, struct cvm_sigqueue *q, int sig) {
  while (*set & BIT(sig))
    pend_take(set, q, sig);
}

static void wake(struct cvm_thread *t) {
  __atomic_add_fetch(&t->sig_seq, 1, __ATOMIC_SEQ_CST);
  syscall(SYS_futex, &t->sig_seq, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0);
}

/* Signal `sig` made pending on thread `to` of c, or on the cVM (to NULL:
 * the first thread that does not block it takes it); c->lock held. A
 * thread that may take it is made to (SIG_CVM_SIG), unless it is the
 * sender, whose own hostcall's exit delivers it. */
static int send_locked(struct cvm *c, struct cvm_thread *self,
                       struct cvm_thread *to, int sig,
                       const struct cvm_siginfo_slot *si) {
  uint64_t b = BIT(sig);
  if (!to) {
    if (self && !(self->sig_blocked & b))
      to = self;
    for (int i = 0; !to && i < CVM_MAX_THREADS; i++)
      if (c->threads[i] && c->threads[i]->host && !(c->threads[i]->sig_blocked & b))
        to = c->threads[i];
  }
  if (!to) { /* every thread blocks it: the first to unblock it takes it */
    int r = pend_add(&c->sig_pending, &c->sigq, sig, si);
    for (int i = 0; i < CVM_MAX_THREADS; i++)
      if (c->threads[i])
        wake(c->threads[i]); /* sigtimedwait and sigsuspend look */
    return r;
  }
  /* An ignored signal is dropped when sent, unless blocked (its
   * disposition may change before it is unblocked), as Linux does. */
  if (ignored(c, sig) && !(to->sig_blocked & b))
    return 0;
  int r = pend_add(&to->sig_pending, &to->sigq, sig, si);
  wake(to);
  if (to != self && !(to->sig_blocked & b) && to->host)
    pthread_kill(to->host, SIG_CVM_SIG);
  return r;
}

/* The cVM-wide pending signals thread t no longer blocks become its own;
 * c->lock held. */
static void take_shared_locked(struct cvm *c, struct cvm_thread *t) {
  uint64_t take = c->sig_pending & ~t->sig_blocked;
  for (int s = 1; take && s <= CVM_NSIG; s++)
    while (take & BIT(s) & c->sig_pending) {
      struct cvm_siginfo_slot si = pend_take(&c->sig_pending, &c->sigq, s);
      pend_add(&t->sig_pending, &t->sigq, s, &si);
    }
}

static void set_blocked(struct cvm_thread *t, uint64_t mask) {
  struct cvm *c = t->cvm;
  pthread_mutex_lock(&c->lock);
  t->sig_blocked = mask & ~UNBLOCKABLE;
  take_shared_locked(c, t);
  pthread_mutex_unlock(&c->lock);
}

/* ---- Frames --------------------------------------------------------------- */

static struct sig_record *record_new(struct cvm_thread *t) {
  if (!t->sig_records) {
    void *m = mmap(NULL, SIG_RECORDS * SIG_RECORD_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
      return NULL;
    t->sig_records = m;
  }
  struct sig_record *r = t->sig_records, *best = r;
  for (int i = 0; i < SIG_RECORDS; i++) {
    if (!r[i].uc) {
      best = &r[i];
      break;
    }
    if (r[i].seq < best->seq)
      best = &r[i];
  }
  best->seq = ++t->sig_record_seq;
  return best;
}

static struct sig_record *record_find(struct cvm_thread *t, uint64_t uc) {
  for (int i = 0; uc && t->sig_records && i < SIG_RECORDS; i++)
    if (t->sig_records[i].uc == uc)
      return &t->sig_records[i];
  return NULL;
}

void signal_thread_free(struct cvm_thread *t) {
  if (t->sig_records)
    munmap(t->sig_records, SIG_RECORDS * SIG_RECORD_SIZE);
  t->sig_records = NULL;
}

static uint64_t in_window(const struct cvm_thread *t, uint64_t p) {
  return t->window + (uint32_t)p;
}

static int on_altstack(const struct cvm_thread *t, uint64_t sp) {
  uint64_t base = in_window(t, t->ss_sp);
  return t->ss_size && in_window(t, sp) - base < t->ss_size;
}

/* The kernel's FP area of a host frame and its length (the xsave area
 * with its trailing magic, or the 512 bytes of fxsave). */
static unsigned char *fp_area(ucontext_t *uc, uint32_t *len) {
  unsigned char *fp = (unsigned char *)uc->uc_mcontext.fpregs;
  uint32_t magic, ext;
  *len = 0;
  if (!fp)
    return NULL;
  memcpy(&magic, fp + 464, 4);
  memcpy(&ext, fp + 468, 4);
  *len = magic == 0x46505853u ? ext : 512; /* FP_XSTATE_MAGIC1 */
  return fp;
}

static __attribute__((noreturn)) void die(struct cvm_thread *t, const char *why,
                                          uint64_t v) {
  char msg[256];
  int n = snprintf(msg, sizeof msg, "orc: cVM %s (#%u) killed: SIGSEGV (%s %#lx)\n",
                   t->cvm->name, t->cvm->id, why, (unsigned long)v);
  if (write(2, msg, (size_t)n) < 0) {
  }
  cvm_kill(t, 128 + SIGSEGV, SIGSEGV);
}

/* Hostcalls Linux restarts after a handler with SA_RESTART when they
 * were interrupted: not the waits for signals or time, nor poll and epoll,
 * which Linux answers EINTR whatever the flag. */
static int restartable(uint64_t nr) {
  switch (nr) {
  case SYS_rt_sigsuspend: case SYS_pause: case SYS_rt_sigtimedwait:
  case SYS_nanosleep: case SYS_clock_nanosleep: case SYS_poll: case SYS_ppoll:
  case SYS_select: case SYS_pselect6: case SYS_epoll_wait: case SYS_epoll_pwait:
  case SYS_rt_sigreturn:
    return 0;
  }
  return 1;
}

/* Enters the cVM's handler of `sig` on context g (gregs as in a
 * ucontext): the frame written, the context turned into the handler's
 * entry. `restart`: g is a hostcall's exit whose EINTR may restart. */
static void push_frame(struct cvm_thread *t, uint64_t *g, int sig,
                       const struct cvm_siginfo_slot *si,
                       const struct cvm_sigaction *act, uint64_t oldmask,
                       const unsigned char *fp, uint32_t fplen, int restart) {
  struct cvm *c = t->cvm;
  uint64_t sp = g[REG_RSP];
  uint64_t handler = act->handler; /* checked by do_sigaction */
  if ((act->flags & SA_ONSTACK) && t->ss_size && !on_altstack(t, sp))
    sp = in_window(t, t->ss_sp) + t->ss_size;
  else
    sp -= 128; /* the interrupted code's red zone */
  uint64_t frame = in_window(t, ((sp - sizeof(struct cvm_sigframe)) & ~15ull) - 8);
  struct cvm_sigframe f;
  memset(&f, 0, sizeof f);
  f.pretcode = act->flags & K_SA_RESTORER ? act->restorer : 0;
  f.uc.ss_sp = t->ss_sp;
  f.uc.ss_size = t->ss_size;
  f.uc.ss_flags = t->ss_size ? (on_altstack(t, g[REG_RSP]) ? SS_ONSTACK : 0) : SS_DISABLE;
  memcpy(f.uc.gregs, g, 18 * 8);
  f.uc.gregs[REG_CSGSFS] = 0x33; /* what Linux shows: cs 0x33 */
  f.uc.gregs[REG_OLDMASK] = oldmask;
  int redo = restart && (long)g[REG_RAX] == -EINTR && (act->flags & SA_RESTART) &&
             restartable(t->args[0]);
  if (redo)
    f.uc.gregs[REG_RIP] -= 1; /* inside the call instruction */
  f.uc.sigmask = oldmask;
  f.info.signo = sig;
  f.info.code = si->code;
  if (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL ||
      sig == SIGTRAP) {
    if (si->code > 0)
      f.info.u.addr = si->value;
    else
      f.info.u.kill.pid = si->pid;
  } else {
    f.info.u.kill.pid = si->pid;
    f.info.u.kill.uid = 0;
    f.info.u.kill.value = si->value;
  }
  if (guest_write(c, frame, &f, sizeof f))
    die(t, "cannot write the signal frame at", frame);
  struct sig_record *r = record_new(t);
  if (r) {
    r->uc = frame + 8;
    r->rip = f.uc.gregs[REG_RIP];
    r->restart = redo;
    r->rsp_offset = g[REG_RSP] < WINDOW_SIZE;
    memcpy(r->args, t->args, sizeof r->args);
    r->fplen = fp && fplen <= sizeof r->fp ? fplen : 0;
    if (r->fplen)
      memcpy(r->fp, fp, fplen);
  }
  g[REG_RIP] = handler;
  g[REG_RSP] = frame;
  g[REG_RDI] = (uint64_t)sig;
  g[REG_RSI] = frame + offsetof(struct cvm_sigframe, info);
  g[REG_RDX] = frame + offsetof(struct cvm_sigframe, uc);
  g[REG_RAX] = 0;
  g[REG_EFL] = (g[REG_EFL] & FLAGS_CVM & ~FLAG_DF) | FLAGS_FIXED;
}

/* Delivers one signal pending on t and not blocked (`sig`, or the lowest
 * if 0) on context g; the default action of one ends the cVM. Returns 1
 * if a frame was made. */
static int deliver(struct cvm_thread *t, uint64_t *g, int sig,
                   const unsigned char *fp, uint32_t fplen, int restart) {
  struct cvm *c = t->cvm;
  for (;;) {
    pthread_mutex_lock(&c->lock);
    uint64_t ready = t->sig_pending & ~t->sig_blocked;
    if (sig)
      ready &= BIT(sig);
    if (!ready) {
      if (t->mask_saved) { /* sigsuspend woken by nothing it delivers */
        t->sig_blocked = t->saved_mask;
        t->mask_saved = 0;
      }
      pthread_mutex_unlock(&c->lock);
      return 0;
    }
    int s = __builtin_ctzll(ready) + 1;
    struct cvm_siginfo_slot si = pend_take(&t->sig_pending, &t->sigq, s);
    struct cvm_sigaction act = c->sigact[s - 1];
    int bad = c->sig_bad[s - 1];
    if (ignored(c, s)) {
      pthread_mutex_unlock(&c->lock);
      sig = 0;
      continue;
    }
    if (act.handler == K_SIG_DFL) {
      pthread_mutex_unlock(&c->lock);
      cvm_kill(t, 128 + s, s);
    }
    uint64_t old = t->mask_saved ? t->saved_mask : t->sig_blocked;
    t->mask_saved = 0;
    t->sig_blocked |= act.mask | (act.flags & SA_NODEFER ? 0 : BIT(s));
    t->sig_blocked &= ~UNBLOCKABLE;
    if (act.flags & SA_RESETHAND) {
      c->sigact[s - 1].handler = K_SIG_DFL;
      c->sigact[s - 1].flags &= ~(uint64_t)SA_SIGINFO;
    }
    pthread_mutex_unlock(&c->lock);
    if (bad)
      die(t, "signal handler outside its objects' code or bundles at", act.handler);
    push_frame(t, g, s, &si, &act, old, fp, fplen, restart);
    return 1;
  }
}

/* ---- The host side -------------------------------------------------------- */

/* SIG_CVM_SIG's handler (fault.c installs it, on the thread's alternate
 * stack, with the monitor's other signals blocked). See the top. */
__attribute__((no_stack_protector)) void signal_on_host(int hsig, siginfo_t *hsi,
                                                        void *ucv) {
  (void)hsig, (void)hsi;
  ucontext_t *uc = ucv;
  struct cvm_thread *t = thread_self();
  if (!t)
    return;
  uint64_t pc = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
  int tail = pc >= (uint64_t)(uintptr_t)orc_gate_tail &&
             pc < (uint64_t)(uintptr_t)orc_gate_tail_end;
  int resume = t->resume;
  if (!resume && !tail && (t->in_monitor || !IN_ZONE(pc)))
    return; /* in the monitor: the hostcall's exit delivers it */
  orc_fs_to_host(t);
  if (t->exiting)
    siglongjmp(t->exit_jmp, 1);
  uint64_t *g = (uint64_t *)uc->uc_mcontext.gregs;
  uint32_t fplen;
  unsigned char *fp = fp_area(uc, &fplen);
  int restart = 0;
  if (resume) {
    memcpy(g, t->sig_ctx, sizeof t->sig_ctx);
    struct sig_record *r = t->resume_fp;
    if (r && fp && r->fplen == fplen)
      memcpy(fp, r->fp, fplen);
    restart = t->resume_restart;
    t->resume = 0;
    t->resume_fp = NULL;
  } else if (tail) {
    /* The hostcall's return, as the tail would have made it. */
    uint64_t keep[6] = {g[REG_RBX], g[REG_RBP], g[REG_R12], g[REG_R13],
                        g[REG_R14], g[REG_R15]};
    memset(g, 0, 18 * 8);
    g[REG_RBX] = keep[0], g[REG_RBP] = keep[1], g[REG_R12] = keep[2];
    g[REG_R13] = keep[3], g[REG_R14] = keep[4], g[REG_R15] = keep[5];
    g[REG_RAX] = t->result;
    g[REG_RIP] = (uint32_t)t->ret;
    g[REG_RSP] = t->cvm_rsp;
    g[REG_EFL] = FLAGS_FIXED;
    restart = 1;
  }
  deliver(t, g, 0, fp, fplen, restart);
  orc_fs_to_cvm(t); /* a junk GS faults here: the cVM ends */
}

int signal_fault(struct cvm_thread *t, int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  struct cvm *c = t->cvm;
  uint64_t pc = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
  if (t->in_monitor || !IN_ZONE(pc) || sig == SIGSYS)
    return 0;
  orc_fs_to_host(t);
  pthread_mutex_lock(&c->lock);
  uint64_t h = c->sigact[sig - 1].handler;
  int take = h != K_SIG_DFL && h != K_SIG_IGN && !(t->sig_blocked & BIT(sig));
  if (take) { /* a blocked or ignored fault ends the cVM, as Linux's */
    t->sigq.info[sig - 1] = (struct cvm_siginfo_slot){
        si->si_code, 0, (uint64_t)(uintptr_t)si->si_addr};
    __atomic_or_fetch(&t->sig_pending, BIT(sig), __ATOMIC_SEQ_CST);
  }
  pthread_mutex_unlock(&c->lock);
  if (!take)
    return 0;
  uint32_t fplen;
  unsigned char *fp = fp_area(uc, &fplen);
  deliver(t, (uint64_t *)uc->uc_mcontext.gregs, sig, fp, fplen, 0);
  orc_fs_to_cvm(t);
  return 1;
}

/* ---- rt_sigreturn --------------------------------------------------------- */

static __attribute__((noreturn)) void do_sigreturn(struct cvm_thread *t, uint64_t ucp) {
  struct cvm *c = t->cvm;
  struct cvm_ucontext uc;
  if (guest_read(c, &uc, ucp, sizeof uc))
    die(t, "rt_sigreturn: no readable frame at", ucp);
  struct sig_record *r = record_find(t, ucp);
  uint64_t rip = uc.gregs[REG_RIP];
  int saved = r && rip == r->rip;
  if (!saved && (!IN_ZONE(rip) || (rip & 31)))
    die(t, "rt_sigreturn: a frame the monitor did not make, rip", rip);
  uint64_t *g = t->sig_ctx;
  memcpy(g, uc.gregs, sizeof t->sig_ctx);
  /* SFI code re-bases rsp in two steps (docs/sfi.md S3): interrupted
   * between them, it held an offset the next step adds W to, and gets the
   * offset back; any other rsp is W + its low 32 bits. */
  g[REG_RSP] = saved && r->rsp_offset ? (uint32_t)g[REG_RSP]
                                       : in_window(t, g[REG_RSP]);
  g[REG_EFL] = (g[REG_EFL] & FLAGS_CVM) | FLAGS_FIXED;
  set_blocked(t, uc.sigmask);
  t->resume_restart = 0;
  t->resume_fp = r && r->fplen ? r : NULL;
  if (r)
    r->uc = 0; /* its FP state stays until the handler below copies it */
  if (saved && r->restart) {
    /* The hostcall the handler interrupted, again; its exit is this one. */
    memcpy(t->args, r->args, sizeof t->args);
    g[REG_RIP] = rip + 1;
    g[REG_RAX] = (uint64_t)hostcall_dispatch(t);
    g[REG_RCX] = g[REG_RDX] = g[REG_RSI] = g[REG_RDI] = 0;
    g[REG_R8] = g[REG_R9] = g[REG_R10] = g[REG_R11] = 0;
    t->resume_restart = 1;
    if (t->exiting)
      cvm_exit_thread(t, 0);
  }
  t->resume = 1;
  syscall(SYS_tgkill, orc_host_pid, t->host_tid, orc_sig_deliver);
  die(t, "rt_sigreturn: the context was not loaded", 0); /* never */
}

/* ---- Hostcalls ------------------------------------------------------------ */

/* A handler may be entered if it lies in the text of an object the cVM
 * links and, in an object that passed the SFI verifier, at a bundle start:
 * entered anywhere else, SFI code could run a masked sequence past its
 * mask with registers the interrupted code chose. */
static int handler_ok(const struct cvm *c, uint64_t h) {
  if (!IN_ZONE(h))
    return 0;
  for (size_t i = 0; i < orc_link_objects(c->link); i++) {
    void *base;
    size_t span, lo, hi;
    orc_link_object_span(c->link, i, &base, &span, &lo, &hi);
    if (h - (uint64_t)(uintptr_t)base >= span)
      continue;
    struct orc_object_info info;
    orc_link_object_info(c->link, i, &info);
    return !info.verified || !(h & 31);
  }
  return 0;
}

static long do_sigaction(struct cvm_thread *t, const uint64_t *a) {
  struct cvm *c = t->cvm;
  int sig = (int)a[0];
  struct cvm_sigaction act, old;
  if (a[3] != 8 || sig < 1 || sig > CVM_NSIG)
    return -EINVAL;
  if (a[1] && (sig == SIGKILL || sig == SIGSTOP))
    return -EINVAL;
  if (a[1] && guest_read(c, &act, a[1], sizeof act))
    return -EFAULT;
  int bad = a[1] && act.handler != K_SIG_DFL && act.handler != K_SIG_IGN &&
            !handler_ok(c, act.handler);
  pthread_mutex_lock(&c->lock);
  old = c->sigact[sig - 1];
  if (a[1]) {
    act.mask &= ~UNBLOCKABLE;
    c->sigact[sig - 1] = act;
    c->sig_bad[sig - 1] = (unsigned char)bad;
    if (ignored(c, sig)) { /* pending ones are dropped, as Linux does */
      pend_drop(&c->sig_pending, &c->sigq, sig);
      for (int i = 0; i < CVM_MAX_THREADS; i++)
        if (c->threads[i])
          pend_drop(&c->threads[i]->sig_pending, &c->threads[i]->sigq, sig);
    }
  }
  pthread_mutex_unlock(&c->lock);
  return a[2] && guest_write(c, a[2], &old, sizeof old) ? -EFAULT : 0;
}

static long do_sigprocmask(struct cvm_thread *t, const uint64_t *a) {
  struct cvm *c = t->cvm;
  uint64_t set, old = t->sig_blocked, mask = old;
  if (a[3] != 8)
    return -EINVAL;
  if (a[1]) {
    if (guest_read(c, &set, a[1], sizeof set))
      return -EFAULT;
    switch (a[0]) {
    case SIG_BLOCK: mask |= set; break;
    case SIG_UNBLOCK: mask &= ~set; break;
    case SIG_SETMASK: mask = set; break;
    default: return -EINVAL;
    }
  }
  if (a[2] && guest_write(c, a[2], &old, sizeof old))
    return -EFAULT;
  if (a[1])
    set_blocked(t, mask);
  return 0;
}

struct cvm_stack {
  uint64_t sp;
  int32_t flags, pad;
  uint64_t size;
};

static long do_sigaltstack(struct cvm_thread *t, const uint64_t *a) {
  struct cvm *c = t->cvm;
  int on = on_altstack(t, t->cvm_rsp);
  struct cvm_stack old = {t->ss_sp, on ? SS_ONSTACK : (t->ss_size ? 0 : SS_DISABLE),
                          0, t->ss_size}, ss;
  if (a[0]) {
    if (guest_read(c, &ss, a[0], sizeof ss))
      return -EFAULT;
    if (on)
      return -EPERM;
    if (ss.flags & ~(SS_DISABLE | SS_AUTODISARM))
      return -EINVAL;
    if (ss.flags & SS_DISABLE) {
      t->ss_sp = t->ss_size = 0;
    } else {
      if (ss.size < STACK_MIN)
        return -ENOMEM;
      t->ss_sp = ss.sp;
      t->ss_size = ss.size;
    }
  }
  return a[1] && guest_write(c, a[1], &old, sizeof old) ? -EFAULT : 0;
}

/* A signal from this cVM to itself: the whole cVM (tid 0) or a thread. */
static long send(struct cvm_thread *t, long tid, int sig,
                 const struct cvm_siginfo_slot *si) {
  struct cvm *c = t->cvm;
  if (sig < 0 || sig > CVM_NSIG)
    return -EINVAL;
  pthread_mutex_lock(&c->lock);
  struct cvm_thread *to = tid ? cvm_thread_of(c, tid) : NULL;
  if (tid && !to) {
    pthread_mutex_unlock(&c->lock);
    return -ESRCH;
  }
  long r = sig ? send_locked(c, t, to, sig, si) : 0;
  pthread_mutex_unlock(&c->lock);
  return r;
}

/* The cVM's pid is 1; -1 and 0 name it too (it is alone in its world). */
static int is_self(long pid) { return pid == 1 || pid == 0 || pid == -1; }

static long do_queueinfo(struct cvm_thread *t, long tid, int sig, uint64_t uinfo) {
  struct cvm_siginfo info;
  if (guest_read(t->cvm, &info, uinfo, sizeof info))
    return -EFAULT;
  if (info.code >= 0 || info.code == SI_TKILL_CODE)
    return -EPERM; /* only the kernel's codes claim to be the kernel's */
  struct cvm_siginfo_slot si = {info.code, 1, info.u.kill.value};
  return send(t, tid, sig, &si);
}

/* Sleeps until one of `want` is pending on t or the cVM (0), the absolute
 * CLOCK_MONOTONIC deadline passes (-EAGAIN) or the cVM ends (-EINTR). */
static long wait_for(struct cvm_thread *t, uint64_t want, const struct timespec *until) {
  struct cvm *c = t->cvm;
  for (;;) {
    uint32_t seq = __atomic_load_n(&t->sig_seq, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&c->lock);
    take_shared_locked(c, t);
    uint64_t p = (t->sig_pending | c->sig_pending) & want;
    pthread_mutex_unlock(&c->lock);
    if (p)
      return 0;
    if (t->exiting)
      return -EINTR;
    long r = syscall(SYS_futex, &t->sig_seq,
                     FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, seq, until, 0,
                     FUTEX_BITSET_MATCH_ANY);
    if (r < 0 && errno == ETIMEDOUT)
      return -EAGAIN;
  }
}

static long do_sigsuspend(struct cvm_thread *t, const uint64_t *a) {
  struct cvm *c = t->cvm;
  uint64_t mask;
  if (a[1] != 8)
    return -EINVAL;
  if (guest_read(c, &mask, a[0], sizeof mask))
    return -EFAULT;
  uint64_t old = t->sig_blocked;
  set_blocked(t, mask);
  t->saved_mask = old; /* the handler's frame gets it (deliver) */
  t->mask_saved = 1;
  wait_for(t, ~t->sig_blocked, NULL);
  return -EINTR;
}

static long do_sigtimedwait(struct cvm_thread *t, const uint64_t *a) {
  struct cvm *c = t->cvm;
  uint64_t set;
  struct timespec rel, until, *up = NULL;
  if (a[3] != 8)
    return -EINVAL;
  if (guest_read(c, &set, a[0], sizeof set))
    return -EFAULT;
  set &= ~UNBLOCKABLE;
  if (a[2]) {
    if (guest_read(c, &rel, a[2], sizeof rel))
      return -EFAULT;
    if (rel.tv_sec < 0 || rel.tv_nsec < 0 || rel.tv_nsec >= 1000000000)
      return -EINVAL;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += rel.tv_sec;
    if ((until.tv_nsec += rel.tv_nsec) >= 1000000000)
      until.tv_sec++, until.tv_nsec -= 1000000000;
    up = &until;
  }
  for (;;) {
    long r = wait_for(t, set, up);
    if (r)
      return r;
    pthread_mutex_lock(&c->lock);
    uint64_t mine = t->sig_pending & set, any = (mine ? mine : c->sig_pending & set);
    int s = any ? __builtin_ctzll(any) + 1 : 0;
    struct cvm_siginfo_slot si = {0};
    if (s && mine)
      si = pend_take(&t->sig_pending, &t->sigq, s);
    else if (s)
      si = pend_take(&c->sig_pending, &c->sigq, s);
    pthread_mutex_unlock(&c->lock);
    if (!s)
      continue; /* another thread took it */
    struct cvm_siginfo info;
    memset(&info, 0, sizeof info);
    info.signo = s;
    info.code = si.code;
    info.u.kill.pid = si.pid;
    info.u.kill.value = si.value;
    if (a[1] && guest_write(c, a[1], &info, sizeof info))
      return -EFAULT;
    return s;
  }
}

/* ---- ITIMER_REAL -------------------------------------------------------- */

struct cvm_timer {
  pthread_t thread;
  pthread_cond_t cond; /* with c->lock, on CLOCK_MONOTONIC */
  uint64_t due, interval; /* ns */
  int quit;
};

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The cVM's timer: sleeps until due, sends SIGALRM to the cVM as the
 * kernel would (SI_KERNEL's code 0x80, pid 0), re-arms. It is no cVM
 * thread: it never runs cVM code nor touches cVM memory. */
static void *timer_main(void *arg) {
  struct cvm *c = arg;
  struct cvm_timer *tm = c->timer;
  static const struct cvm_siginfo_slot alarm_info = {0x80, 0, 0};
  pthread_mutex_lock(&c->lock);
  while (!tm->quit) {
    uint64_t now = now_ns();
    if (!tm->due) {
      pthread_cond_wait(&tm->cond, &c->lock);
    } else if (now < tm->due) {
      struct timespec ts = {(time_t)(tm->due / 1000000000u),
                            (long)(tm->due % 1000000000u)};
      pthread_cond_timedwait(&tm->cond, &c->lock, &ts);
    } else {
      if (c->state == CVM_RUNNING && c->live_threads)
        send_locked(c, NULL, NULL, SIGALRM, &alarm_info);
      tm->due = tm->interval ? now + tm->interval : 0;
    }
  }
  pthread_mutex_unlock(&c->lock);
  return NULL;
}

void signal_cvm_free(struct cvm *c) {
  struct cvm_timer *tm = c->timer;
  if (!tm)
    return;
  pthread_mutex_lock(&c->lock);
  tm->quit = 1;
  pthread_cond_signal(&tm->cond);
  pthread_mutex_unlock(&c->lock);
  pthread_join(tm->thread, NULL);
  pthread_cond_destroy(&tm->cond);
  free(tm);
  c->timer = NULL;
}

struct k_itimerval {
  struct { int64_t sec, usec; } interval, value;
};

static uint64_t tv_ns(int64_t sec, int64_t usec) {
  return (uint64_t)sec * 1000000000u + (uint64_t)usec * 1000u;
}

/* setitimer(which, new, old) and getitimer(which, cur): ITIMER_REAL only
 * (the CPU-time timers answer EINVAL). */
static long do_itimer(struct cvm_thread *t, long nr, const uint64_t *a) {
  struct cvm *c = t->cvm;
  struct k_itimerval nv, ov;
  uint64_t unew = nr == SYS_setitimer ? a[1] : 0;
  uint64_t uold = nr == SYS_setitimer ? a[2] : a[1];
  if (a[0] != ITIMER_REAL)
    return -EINVAL;
  if (unew && guest_read(c, &nv, unew, sizeof nv))
    return -EFAULT;
  if (unew && (nv.value.sec < 0 || nv.value.usec < 0 || nv.value.usec >= 1000000 ||
               nv.interval.sec < 0 || nv.interval.usec < 0 ||
               nv.interval.usec >= 1000000 || nv.value.sec > (1ll << 32) ||
               nv.interval.sec > (1ll << 32)))
    return -EINVAL;
  if (unew && !c->timer) { /* made once, by the first setitimer */
    struct cvm_timer *tm = calloc(1, sizeof *tm);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    if (tm)
      pthread_cond_init(&tm->cond, &ca);
    pthread_condattr_destroy(&ca);
    pthread_mutex_lock(&c->lock);
    if (tm && !c->timer) {
      c->timer = tm;
      if (pthread_create(&tm->thread, NULL, timer_main, c)) {
        c->timer = NULL;
        pthread_mutex_unlock(&c->lock);
        pthread_cond_destroy(&tm->cond);
        free(tm);
        return -EAGAIN;
      }
      tm = NULL;
    }
    pthread_mutex_unlock(&c->lock);
    if (tm) {
      pthread_cond_destroy(&tm->cond);
      free(tm);
    }
    if (!c->timer)
      return -ENOMEM;
  }
  pthread_mutex_lock(&c->lock);
  struct cvm_timer *tm = c->timer;
  uint64_t now = now_ns(), left = tm && tm->due > now ? tm->due - now : 0;
  uint64_t every = tm ? tm->interval : 0;
  if (tm && tm->due && !left)
    left = 1000; /* due and not yet sent: Linux shows the smallest value */
  if (unew) {
    uint64_t v = tv_ns(nv.value.sec, nv.value.usec);
    tm->due = v ? now + v : 0;
    tm->interval = v ? tv_ns(nv.interval.sec, nv.interval.usec) : 0;
    pthread_cond_signal(&tm->cond);
  }
  pthread_mutex_unlock(&c->lock);
  ov.value.sec = (int64_t)(left / 1000000000u);
  ov.value.usec = (int64_t)(left % 1000000000u + 999) / 1000;
  if (ov.value.usec == 1000000)
    ov.value.sec++, ov.value.usec = 0;
  ov.interval.sec = (int64_t)(every / 1000000000u);
  ov.interval.usec = (int64_t)(every % 1000000000u) / 1000;
  return uold && guest_write(c, uold, &ov, sizeof ov) ? -EFAULT : 0;
}

long signal_hostcall(struct cvm_thread *t, long nr, const uint64_t *a,
                     int *handled) {
  struct cvm_siginfo_slot user = {SI_USER_CODE, 1, 0}, tk = {SI_TKILL_CODE, 1, 0};
  *handled = 1;
  switch (nr) {
  case SYS_rt_sigaction:
    return do_sigaction(t, a);
  case SYS_rt_sigprocmask:
    return do_sigprocmask(t, a);
  case SYS_sigaltstack:
    return do_sigaltstack(t, a);
  case SYS_kill: /* the cVM, by any name it has for itself */
    if (!is_self((long)a[0]))
      return -ESRCH;
    return send(t, 0, (int)a[1], &user);
  case SYS_tkill:
    return (long)a[0] <= 0 ? -EINVAL : send(t, (long)a[0], (int)a[1], &tk);
  case SYS_tgkill:
    if ((long)a[0] <= 0 || (long)a[1] <= 0)
      return -EINVAL;
    return a[0] != 1 ? -ESRCH : send(t, (long)a[1], (int)a[2], &tk);
  case SYS_rt_sigqueueinfo:
    return is_self((long)a[0]) ? do_queueinfo(t, 0, (int)a[1], a[2]) : -ESRCH;
  case SYS_rt_tgsigqueueinfo:
    return a[0] != 1 ? -ESRCH : do_queueinfo(t, (long)a[1], (int)a[2], a[3]);
  case SYS_rt_sigpending: {
    if (a[1] != 8)
      return -EINVAL;
    pthread_mutex_lock(&t->cvm->lock);
    uint64_t p = (t->sig_pending | t->cvm->sig_pending) & t->sig_blocked;
    pthread_mutex_unlock(&t->cvm->lock);
    return guest_write(t->cvm, a[0], &p, sizeof p) ? -EFAULT : 0;
  }
  case SYS_rt_sigsuspend:
    return do_sigsuspend(t, a);
  case SYS_pause:
    wait_for(t, ~t->sig_blocked, NULL);
    return -EINTR;
  case SYS_rt_sigtimedwait:
    return do_sigtimedwait(t, a);
  case SYS_rt_sigreturn:
    do_sigreturn(t, a[0]);
  case SYS_setitimer:
  case SYS_getitimer:
    return do_itimer(t, nr, a);
  }
  *handled = 0;
  return -ENOSYS;
}

/* cVM signals: delivery into cVM code and rt_sigreturn (the state they
 * act on, and the hostcalls, are signal.c's).
 *
 * A signal is delivered to a thread when it is pending there
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
 * 32-byte aligned address there, where SFI code may jump anyway); resumed
 * at a saved pc inside a bundle of SFI code, every register is the saved
 * one (the frame's are not read: inside a locked sequence an edited
 * register would pass its mask). GS is W, FS the one the monitor recorded. A frame it did not make and whose
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
#include "sigstate.h"

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

#define K_SA_RESTORER 0x04000000ull
/* Flags cVM code may keep: CF PF AF ZF SF DF OF; IF and bit 1 always set. */
#define FLAGS_CVM 0xcd5ull
#define FLAGS_FIXED 0x202ull
#define FLAG_DF 0x400ull


/* Linux's x86-64 signal frame, as musl and programs read it. */
struct cvm_ucontext {
  uint64_t flags, link;
  uint64_t ss_sp;
  int32_t ss_flags, pad;
  uint64_t ss_size;
  uint64_t gregs[23]; /* REG_R8 .. REG_CR2, <ucontext.h>'s order */
  uint64_t fpregs;    /* a copy of the FP state's first 512 bytes */
  uint64_t reserved[8];
  uint64_t sigmask;
};
struct cvm_sigframe {
  uint64_t pretcode; /* the restorer, the handler's return address */
  struct cvm_ucontext uc;
  struct cvm_siginfo info;
};
_Static_assert(offsetof(struct cvm_sigframe, uc.gregs) == 48, "sigcontext");
_Static_assert(offsetof(struct cvm_sigframe, uc.sigmask) == 8 + 296, "mask");
_Static_assert(offsetof(struct cvm_sigframe, info) == 8 + 304, "siginfo");
_Static_assert(offsetof(struct cvm_thread, result) == 104 &&
                   offsetof(struct cvm_thread, sig_blocked) == 112 &&
                   offsetof(struct cvm_thread, sig_pending) == 120 &&
                   offsetof(struct cvm_thread, host_tid) == 128 &&
                   offsetof(struct cvm_thread, in_monitor) == 132 &&
                   offsetof(struct cvm_thread, exiting) == 136,
               "gate.S reads these by offset");

/* What the monitor remembers of a frame it made: where (its ucontext,
 * what __restore_rt hands back), the context it interrupted, the hostcall
 * to restart, the FP state. A few per thread: a frame left by siglongjmp
 * is never returned through, and is forgotten when a new frame overwrites
 * it, else the oldest is reused (a frame nested more than SIG_RECORDS deep
 * is then returned through as one the monitor did not make). */
#define SIG_RECORDS 8
#define SIG_RECORD_SIZE 4096
struct sig_record {
  uint64_t uc, rip, seq;
  uint64_t args[7];
  uint64_t g[18]; /* the context it interrupted */
  int restart;
  uint32_t fplen;
  _Alignas(64) unsigned char fp[SIG_RECORD_SIZE - 256];
};
_Static_assert(sizeof(struct sig_record) == SIG_RECORD_SIZE, "record");

extern const char orc_gate_tail[], orc_gate_tail_end[];

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
  uint64_t top = sig_in_window(t, sp);
  if ((act->flags & SA_ONSTACK) && t->ss_size && !sig_on_altstack(t, sp))
    sp = top = sig_in_window(t, t->ss_sp) + t->ss_size;
  else
    sp -= 128; /* the interrupted code's red zone */
  /* The FP state's legacy 512 bytes (x87, MXCSR, XMM) above the frame,
   * for programs that read uc_mcontext.fpregs; loaded back from the
   * monitor's copy, not from there. */
  uint64_t fpcopy = fp ? sig_in_window(t, (sp - 512) & ~63ull) : 0;
  if (fp)
    sp = fpcopy;
  uint64_t frame = sig_in_window(t, ((sp - sizeof(struct cvm_sigframe)) & ~15ull) - 8);
  /* Frames this one overwrites were left (siglongjmp): forget them. */
  for (int i = 0; t->sig_records && i < SIG_RECORDS; i++)
    if (t->sig_records[i].uc >= frame && t->sig_records[i].uc < top)
      t->sig_records[i].uc = 0;
  struct cvm_sigframe f;
  memset(&f, 0, sizeof f);
  f.pretcode = act->flags & K_SA_RESTORER ? act->restorer : 0;
  f.uc.ss_sp = t->ss_sp;
  f.uc.ss_size = t->ss_size;
  f.uc.ss_flags = t->ss_size ? (sig_on_altstack(t, g[REG_RSP]) ? SS_ONSTACK : 0) : SS_DISABLE;
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
  f.uc.fpregs = fpcopy;
  if (guest_write(c, frame, &f, sizeof f) ||
      (fp && guest_write(c, fpcopy, fp, 512)))
    die(t, "cannot write the signal frame at", frame);
  struct sig_record *r = record_new(t);
  if (r) {
    r->uc = frame + 8;
    r->rip = f.uc.gregs[REG_RIP];
    r->restart = redo;
    memcpy(r->g, g, sizeof r->g);
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
    struct cvm_siginfo_slot si = sig_pend_take(&t->sig_pending, &t->sigq, s);
    struct cvm_sigaction act = c->sigact[s - 1];
    int bad = c->sig_bad[s - 1];
    if (sig_ignored(c, s)) {
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
    g[REG_RIP] = (uint32_t)t->ret & orc_return_mask; /* as the gate masks it */
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

void sig_return(struct cvm_thread *t, uint64_t ucp) {
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
  if (saved && (r->g[REG_RIP] & 31) && sig_code_at(c, r->g[REG_RIP]) == 2) {
    /* Back inside a bundle of SFI code, perhaps inside a locked sequence
     * (docs/sfi.md: after a mask, between the two steps of rsp's
     * re-basing): every register is the one saved, since a handler's edit
     * there could carry a value past its mask. */
    memcpy(g, r->g, sizeof t->sig_ctx);
  } else {
    memcpy(g, uc.gregs, sizeof t->sig_ctx);
    if (saved)
      g[REG_RIP] = r->g[REG_RIP]; /* a restart's frame shows pc - 1 */
    g[REG_RSP] = sig_in_window(t, g[REG_RSP]);
  }
  g[REG_EFL] = (g[REG_EFL] & FLAGS_CVM) | FLAGS_FIXED;
  sig_set_blocked(t, uc.sigmask);
  t->resume_restart = 0;
  t->resume_fp = r && r->fplen ? r : NULL;
  if (r)
    r->uc = 0; /* its FP state stays until the handler below copies it */
  if (saved && r->restart) {
    /* The hostcall the handler interrupted, again; its exit is this one. */
    memcpy(t->args, r->args, sizeof t->args);
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

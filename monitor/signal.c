/* cVM signals: what Linux does for a process, for each cVM.
 *
 * Kept by the monitor, never read back from cVM memory: each cVM's
 * dispositions (c->sigact, copied in by rt_sigaction), each thread's
 * blocked mask, pending set (one siginfo per signal, and real-time
 * signals sent again while pending queued behind it) and alternate stack,
 * and the signals sent to the whole cVM that all its threads block. Only
 * the cVM's own threads (and its own timer) send its signals (kill, tkill,
 * tgkill, sigqueue, setitimer; its own faults): no hostcall names another
 * cVM or the monitor, and the host signal used for delivery (SIG_CVM_SIG)
 * is sent only to this cVM's threads.
 *
 * Delivery into cVM code and rt_sigreturn are sigframe.c's; the timer of
 * setitimer is at the end of this file. */
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

int orc_host_pid, orc_sig_deliver;

#define SI_USER_CODE 0
#define SI_TKILL_CODE (-6)
#define STACK_MIN 2048 /* MINSIGSTKSZ */
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1u << 31)
#endif

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

int sig_ignored(const struct cvm *c, int sig) {
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

struct cvm_siginfo_slot sig_pend_take(uint64_t *set, struct cvm_sigqueue *q,
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
    sig_pend_take(set, q, sig);
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
  if (sig_ignored(c, sig) && !(to->sig_blocked & b))
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
      struct cvm_siginfo_slot si = sig_pend_take(&c->sig_pending, &c->sigq, s);
      pend_add(&t->sig_pending, &t->sigq, s, &si);
    }
}

void sig_set_blocked(struct cvm_thread *t, uint64_t mask) {
  struct cvm *c = t->cvm;
  pthread_mutex_lock(&c->lock);
  t->sig_blocked = mask & ~UNBLOCKABLE;
  take_shared_locked(c, t);
  pthread_mutex_unlock(&c->lock);
}

/* ---- Hostcalls ------------------------------------------------------------ */

/* A handler may be entered if it lies in the text of an object the cVM
 * links and, in an object that passed the SFI verifier, at a bundle start:
 * entered anywhere else, SFI code could run a masked sequence past its
 * mask with registers the interrupted code chose. */
int sig_code_at(const struct cvm *c, uint64_t pc) {
  if (!IN_ZONE(pc))
    return 0;
  for (size_t i = 0; i < orc_link_objects(c->link); i++) {
    void *base;
    size_t span, lo, hi;
    orc_link_object_span(c->link, i, &base, &span, &lo, &hi);
    if (pc - (uint64_t)(uintptr_t)base >= span)
      continue;
    struct orc_object_info info;
    orc_link_object_info(c->link, i, &info);
    return info.verified ? 2 : 1;
  }
  return 0;
}

static int handler_ok(const struct cvm *c, uint64_t h) {
  int code = sig_code_at(c, h);
  return code == 1 || (code == 2 && !(h & 31));
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
    if (sig_ignored(c, sig)) { /* pending ones are dropped, as Linux does */
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
    sig_set_blocked(t, mask);
  return 0;
}

struct cvm_stack {
  uint64_t sp;
  int32_t flags, pad;
  uint64_t size;
};

static long do_sigaltstack(struct cvm_thread *t, const uint64_t *a) {
  struct cvm *c = t->cvm;
  int on = sig_on_altstack(t, t->cvm_rsp);
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
  sig_set_blocked(t, mask);
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
      si = sig_pend_take(&t->sig_pending, &t->sigq, s);
    else if (s)
      si = sig_pend_take(&c->sig_pending, &c->sigq, s);
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
    sig_return(t, a[0]);
  case SYS_setitimer:
  case SYS_getitimer:
    return do_itimer(t, nr, a);
  }
  *handled = 0;
  return -ENOSYS;
}


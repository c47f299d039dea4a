/* cVM lifecycle: create (link from the store, instantiate state, set up
 * memory, fds and the initial stack), start, wait, destroy; threads.
 *
 * Each cVM thread is a host thread. It enters cVM code with orc_enter*
 * (gate.S) after saving a sigjmp_buf, and comes back only by siglongjmp:
 * from the exit hostcalls, a fault, or another thread ending the cVM.
 * Whatever the way, the thread then releases what it holds, and the last
 * one out marks the cVM finished. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static unsigned next_cvm_id;

/* ---- Objects from the cVM's root --------------------------------------- */

struct root_source {
  struct orc_source src;
  int rootfd;
  const char *libdir;
  /* Digests of the files this load opened, by the name asked for. */
  struct {
    char name[256];
    uint8_t digest[32];
  } opened[64];
  int nopened;
};

/* Content digests by file identity, so that a file is hashed once however
 * many cVMs load it. A file is the same file while its device, inode,
 * size and modification time are. Shared by all loads (one monitor
 * thread creates cVMs, but keep it locked). */
struct digest_entry {
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
  uint8_t digest[32];
};
static struct digest_entry digest_cache[1024];
static unsigned digest_next;
static pthread_mutex_t digest_lock = PTHREAD_MUTEX_INITIALIZER;

static void file_digest(const struct stat *st, const void *bytes, size_t len,
                        uint8_t out[32]) {
  pthread_mutex_lock(&digest_lock);
  for (unsigned i = 0; i < 1024; i++) {
    struct digest_entry *e = &digest_cache[i];
    if (e->ino == st->st_ino && e->dev == st->st_dev && e->size == st->st_size &&
        e->mtime.tv_sec == st->st_mtim.tv_sec &&
        e->mtime.tv_nsec == st->st_mtim.tv_nsec && e->size) {
      memcpy(out, e->digest, 32);
      pthread_mutex_unlock(&digest_lock);
      return;
    }
  }
  pthread_mutex_unlock(&digest_lock);
  orc_content_digest(bytes, len, out);
  pthread_mutex_lock(&digest_lock);
  struct digest_entry *e = &digest_cache[digest_next++ % 1024];
  *e = (struct digest_entry){st->st_dev, st->st_ino, st->st_size, st->st_mtim, {0}};
  memcpy(e->digest, out, 32);
  pthread_mutex_unlock(&digest_lock);
}

static int root_digest(void *ctx, const char *name, uint8_t out[32]) {
  const struct root_source *rs = ctx;
  for (int i = 0; i < rs->nopened; i++)
    if (!strcmp(rs->opened[i].name, name)) {
      memcpy(out, rs->opened[i].digest, 32);
      return 1;
    }
  return 0;
}

static int root_open(void *ctx, const char *name, const char *from,
                     const void **bytes, size_t *len, struct orc_error *err) {
  struct root_source *rs = ctx;
  /* The program by its path; libraries where musl's loader looks. */
  const char *dirs[] = {rs->libdir, "/lib", "/usr/lib", "/usr/local/lib"};
  char path[4096];
  long fd = -1;
  for (size_t i = 0; fd < 0 && i < (from ? 4 : 1); i++) {
    if (from && !dirs[i])
      continue;
    snprintf(path, sizeof path, "%s%s%s", from ? dirs[i] : "", from ? "/" : "",
             name);
    fd = root_open_path(rs->rootfd, path, O_RDONLY, 0);
  }
  struct stat st;
  if (fd < 0 || fstat((int)fd, &st) || !S_ISREG(st.st_mode)) {
    snprintf(err->msg, sizeof err->msg, "%s: %s%s%s", name,
             fd < 0 ? strerror((int)-fd) : "not a regular file",
             from ? ", needed by " : "", from ? from : "");
    err->code = ORC_ERR_IO;
    if (fd >= 0)
      close((int)fd);
    return -1;
  }
  void *m = st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
                              (int)fd, 0)
                       : MAP_FAILED;
  close((int)fd);
  if (m == MAP_FAILED) {
    snprintf(err->msg, sizeof err->msg, "%s: cannot read (empty?)", name);
    err->code = ORC_ERR_IO;
    return -1;
  }
  *bytes = m;
  *len = (size_t)st.st_size;
  if (rs->nopened < 64 && strlen(name) < sizeof rs->opened[0].name) {
    strcpy(rs->opened[rs->nopened].name, name);
    file_digest(&st, m, *len, rs->opened[rs->nopened++].digest);
  }
  return 0;
}

static void root_release(void *ctx, const void *bytes, size_t len) {
  (void)ctx;
  munmap((void *)bytes, len);
}

static void *alloc_state(void *ctx, size_t size, size_t align) {
  return region_alloc_bytes(ctx, size, align);
}

int root_link(struct orc_store *store, int rootfd, const char *libdir,
              const char *program, struct orc_link **out, char *err,
              size_t errlen) {
  if (!monitor_confined()) /* no untrusted object is read before */
    return snprintf(err, errlen, "%s: the monitor is not confined yet",
                    program), -1;
  struct root_source rs = {{&rs, root_open, root_release, root_digest},
                           rootfd, libdir, {{"", {0}}}, 0};
  struct orc_error oe = {0};
  if (orc_link_load(store, program, &rs.src, out, &oe))
    return snprintf(err, errlen, "%s", oe.msg), -1;
  return 0;
}

/* ---- Create ------------------------------------------------------------ */

int cvm_create(struct orc_store *store, const struct cvm_config *cfg,
               struct cvm **out, char *err, size_t errlen) {
  struct cvm *c = calloc(1, sizeof *c);
  if (!c)
    return snprintf(err, errlen, "out of memory"), -1;
  c->id = __atomic_add_fetch(&next_cvm_id, 1, __ATOMIC_RELAXED);
  snprintf(c->name, sizeof c->name, "%s", cfg->name ? cfg->name : "cvm");
  c->rootfd = fcntl(cfg->rootfd, F_DUPFD_CLOEXEC, 3);
  c->net = cfg->net;
  c->cwd = strdup(cfg->cwd ? cfg->cwd : "/");
  c->disk_quota = cfg->disk;
  c->fd_account = monitor_fd_account();
  pthread_mutex_init(&c->lock, NULL);
  pthread_mutex_init(&c->disk_lock, NULL);
  pthread_cond_init(&c->done, NULL);
  struct orc_error oe = {0};
  if (root_link(store, c->rootfd, cfg->libdir, cfg->program, &c->link, err,
                errlen))
    goto fail;
  /* The window (window.c): table, region and view. */
  size_t space = WINDOW_VIEW - WINDOW_REGION, n = orc_link_ctable_size(c->link);
  if (cfg->quota > space) {
    snprintf(err, errlen,
             "memory quota %zu bytes does not fit a cVM's window: at most %zu "
             "bytes (2 GiB less the capability table's %u KiB and 64 KiB)",
             cfg->quota, space, ORC_MAX_SLOTS * 8 / 1024);
    goto fail;
  }
  if (!(c->window = window_open(c->link, n, &c->window_key, err, errlen)))
    goto fail;
  if (region_init(&c->mem, c->window + WINDOW_REGION, space, cfg->quota)) {
    snprintf(err, errlen, "out of memory (the region's page map)");
    goto fail;
  }
  c->ctable = window_ctable(c->window, n);
  struct orc_alloc a = {&c->mem, alloc_state, 1}; /* fresh region pages */
  if (!c->ctable ||
      orc_instantiate(c->link, &a, c->ctable, &c->inst, &oe)) {
    snprintf(err, errlen, "%s", c->ctable ? oe.msg : "cannot map the capability table");
    goto fail;
  }
  c->ctable[ORC_SLOT_GATE] = (uint64_t)(uintptr_t)orc_gate;
  c->ctable[ORC_SLOT_WINDOW] = (uint64_t)(uintptr_t)c->window;
  /* The table was mapped read-only into the window before it was
   * written: the cVM sees it written when its first thread runs. */
  for (int i = 0; i < 3; i++) /* 0, 1, 2 in order: each the lowest free */
    if (cfg->stdio[i] >= 0 &&
        fd_alloc(c, fcntl(cfg->stdio[i], F_DUPFD_CLOEXEC, 3), i) != i) {
      snprintf(err, errlen, "cannot give the cVM its fd %d", i);
      goto fail;
    } else if (cfg->stdio[i] >= 0) {
      fd_given(c, i);
    }
  if (!c->cwd) {
    snprintf(err, errlen, "out of memory");
    goto fail;
  }
  *out = c;
  return 0;
fail:
  cvm_destroy(c);
  return -1;
}

/* ---- The initial stack, as the kernel lays it out ----------------------- */

/* A NULL-terminated list of the link's constructors (fini = 0) or
 * destructors (fini = 1), in the cVM's region: as long as the link needs. */
static void **call_list(struct cvm *c, int fini) {
  size_t n = orc_link_init_fini(c->link, fini, NULL, 0);
  pthread_mutex_lock(&c->lock);
  void **list = region_alloc_bytes(&c->mem, (n + 1) * sizeof *list, 8);
  pthread_mutex_unlock(&c->lock);
  if (list) {
    orc_link_init_fini(c->link, fini, list, n);
    list[n] = NULL;
  }
  return list;
}

static size_t count_strings(char *const *v, size_t *bytes) {
  size_t n = 0;
  for (; v && v[n]; n++)
    *bytes += strlen(v[n]) + 1;
  return n;
}

/* Writes a pointer per string of v[0..n) and a NULL at *w, the strings
 * themselves at *s; returns past the NULL. */
static uint64_t *put_strings(uint64_t *w, char **s, char *const *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    *w++ = (uint64_t)(uintptr_t)*s;
    *s = stpcpy(*s, v[i]) + 1;
  }
  *w++ = 0;
  return w;
}

/* The main thread's initial stack below t->stack: argc, argv, envp and
 * auxv, the strings above them; what the runtime needs besides
 * (constructor lists, the TLS descriptor) in the region. Arguments and
 * environment together, strings and pointers, may take at most
 * CVM_ARG_MAX bytes (-E2BIG), as Linux allows a quarter of the stack.
 * 0, or -errno with the reason in err. */
static int initial_stack(struct cvm *c, struct cvm_thread *t, char *const *argv,
                         char *const *envp, char *err, size_t errlen) {
  size_t strbytes = 0;
  size_t argc = count_strings(argv, &strbytes);
  size_t envc = count_strings(envp, &strbytes);
  size_t bytes = strbytes + (argc + 1 + envc + 1) * sizeof(char *);
  if (bytes > CVM_ARG_MAX) {
    snprintf(err, errlen,
             "arguments and environment take %zu bytes, more than the limit "
             "of %u (a quarter of the cVM's stack): %s",
             bytes, CVM_ARG_MAX, strerror(E2BIG));
    return -E2BIG;
  }
  void **init = call_list(c, 0), **fini = call_list(c, 1);
  size_t desc_size = orc_link_tls_desc(c->link, NULL);
  pthread_mutex_lock(&c->lock);
  struct orc_tls_desc *desc = region_alloc_bytes(&c->mem, desc_size, 16);
  pthread_mutex_unlock(&c->lock);
  if (!init || !fini || !desc) {
    snprintf(err, errlen,
             "the cVM's memory quota is exhausted (constructor lists and TLS "
             "descriptor): %s",
             strerror(ENOMEM));
    return -ENOMEM;
  }
  orc_link_tls_desc(c->link, desc);
  char *strings = (char *)t->stack - strbytes;
  char *random = strings - 16;
  getrandom(random, 16, 0);
  uint64_t aux[] = {AT_PAGESZ, 4096,
                    AT_CLKTCK, 100,
                    AT_HWCAP, getauxval(AT_HWCAP),
                    AT_HWCAP2, getauxval(AT_HWCAP2),
                    AT_RANDOM, (uint64_t)(uintptr_t)random,
                    AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0,
                    AT_SECURE, 0,
                    AT_EXECFN, (uint64_t)(uintptr_t)(argc ? strings : NULL),
                    AT_ORC_INIT, (uint64_t)(uintptr_t)init,
                    AT_ORC_FINI, (uint64_t)(uintptr_t)fini,
                    AT_ORC_TLS, (uint64_t)(uintptr_t)desc,
                    AT_NULL, 0};
  size_t words = 1 + argc + 1 + envc + 1 + sizeof aux / 8;
  uint64_t *w = (uint64_t *)(((uintptr_t)random - words * 8) & ~(uintptr_t)15);
  t->stack = w;
  *w++ = argc;
  char *s = strings;
  w = put_strings(w, &s, argv, argc);
  w = put_strings(w, &s, envp, envc);
  memcpy(w, aux, sizeof aux);
  return 0;
}

/* ---- Threads ----------------------------------------------------------- */

static struct cvm_thread *thread_new(struct cvm *c) {
  struct cvm_thread *t = calloc(1, sizeof *t);
  if (!t)
    return NULL;
  t->window = (uint64_t)(uintptr_t)c->window; /* GS, for every thread */
  t->cvm = c;
  t->in_monitor = 1;
  return t;
}

/* Stack (with a guard page below) and TLS for a thread, in the region. */
static int thread_memory(struct cvm *c, struct cvm_thread *t) {
  pthread_mutex_lock(&c->lock);
  char *stack = region_map(&c->mem, CVM_STACK_SIZE + 4096, PROT_READ | PROT_WRITE);
  void *tls = region_alloc_bytes(&c->mem, orc_tls_size(c->link),
                                 orc_tls_align(c->link));
  if (stack)
    region_protect(&c->mem, stack, 4096, PROT_NONE); /* the guard */
  pthread_mutex_unlock(&c->lock);
  if (!stack || !tls)
    return -ENOMEM;
  t->guard = stack;
  t->stack = stack + 4096 + CVM_STACK_SIZE;
  t->cvm_fs = (uint64_t)(uintptr_t)orc_tls_init(c->link, tls);
  return 0;
}

/* The thread's clear_tid word zeroed and woken (pthread_join waits on it).
 * Called while the thread is still registered (thread_self): guest_fault
 * needs it to recover a fault in the copy (another thread unmapping the
 * word meanwhile). */
static void clear_tid(struct cvm_thread *t) {
  static const int zero;
  if (t->clear_tid && !guest_write(t->cvm, t->clear_tid, &zero, sizeof zero))
    syscall(SYS_futex, guest_host(t->cvm, t->clear_tid),
            FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0); /* see do_futex */
}

static void thread_finish(struct cvm_thread *t) {
  struct cvm *c = t->cvm;
  struct timespec cpu;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
  pthread_mutex_lock(&c->lock);
  c->cpu_done_ns += (uint64_t)cpu.tv_sec * 1000000000u + (uint64_t)cpu.tv_nsec;
  for (int i = 0; i < CVM_MAX_THREADS; i++)
    if (c->threads[i] == t)
      c->threads[i] = NULL;
  int last = --c->live_threads == 0;
  if (last && c->state == CVM_RUNNING)
    c->state = CVM_EXITED;
  pthread_cond_broadcast(&c->done);
  pthread_mutex_unlock(&c->lock);
  signal_thread_free(t);
  stack_t off = {.ss_flags = SS_DISABLE};
  sigaltstack(&off, NULL);
  if (t->alt_stack)
    munmap(t->alt_stack, ALT_STACK_SIZE);
  free(t);
}

static void *thread_main(void *arg) {
  struct cvm_thread *t = arg;
  __asm__ volatile("mov %%fs:0, %0" : "=r"(t->host_fs));
  char anchor;
  /* Hostcalls run just below this frame: on the pages it already uses. */
  t->host_rsp = ((uintptr_t)&anchor - 512) & ~(uintptr_t)15;
  thread_signals_init(t);
  t->host_tid = (int)gettid();
  if (sigsetjmp(t->exit_jmp, 1) == 0 && !thread_register(t)) {
    orc_set_gs((void *)t->window);
    if (t->is_main) /* argc, argv... on the stack; no function call */
      orc_enter(t, t->entry, t->stack);
    orc_enter_call(t, t->entry, t->arg, t->stack);
  }
  cvm_robust_exit(t); /* before clear_tid, as Linux's mm_release */
  clear_tid(t);
  orc_set_gs(NULL);
  thread_register(NULL);
  thread_finish(t);
  return NULL;
}

/* ptid: where the cVM wants the new tid, or 0. */
static int thread_launch(struct cvm *c, struct cvm_thread *t, uint64_t ptid) {
  pthread_mutex_lock(&c->lock);
  int slot = -1;
  for (int i = 0; i < CVM_MAX_THREADS && slot < 0; i++)
    if (!c->threads[i])
      slot = i;
  /* Each thread takes two fds of the cVM's account (monitor.h). */
  if (slot < 0 || c->state != CVM_RUNNING ||
      c->fd_used + 1 + 2 * (c->live_threads + 1) > c->fd_account) {
    pthread_mutex_unlock(&c->lock);
    return -EAGAIN;
  }
  c->threads[slot] = t;
  c->live_threads++;
  t->tid = ++c->next_tid;
  pthread_mutex_unlock(&c->lock);
  /* Before the thread runs: it may read it at once. */
  if (ptid && guest_write(c, ptid, &t->tid, sizeof t->tid)) {
    pthread_mutex_lock(&c->lock);
    c->threads[slot] = NULL;
    c->live_threads--;
    pthread_mutex_unlock(&c->lock);
    return -EFAULT;
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, HOST_STACK_SIZE + 4096 * 4);
  int r = pthread_create(&t->host, &attr, thread_main, t);
  pthread_attr_destroy(&attr);
  if (r) {
    pthread_mutex_lock(&c->lock);
    c->threads[slot] = NULL;
    c->live_threads--;
    pthread_mutex_unlock(&c->lock);
    return -r;
  }
  return t->tid;
}

int cvm_start(struct cvm *c, char *const *argv, char *const *envp, char *err,
              size_t errlen) {
  struct cvm_thread *t = thread_new(c);
  int r = -ENOMEM;
  if (!t || thread_memory(c, t)) {
    snprintf(err, errlen, "no memory for the main thread: %s", strerror(-r));
    goto fail;
  }
  if ((r = initial_stack(c, t, argv, envp, err, errlen)))
    goto fail;
  t->entry = orc_link_entry(c->link);
  t->is_main = 1;
  if ((r = thread_launch(c, t, 0)) >= 0)
    return 0;
  snprintf(err, errlen, "cannot start its main thread: %s", strerror(-r));
fail:
  free(t);
  return r;
}

/* a: fn, arg, stack, tp, ctid, ptid. The stack's top and the TLS area
 * must be the cVM's writable memory; the cVM's code reaches them only
 * once the thread runs, and faults there are its own. */
long cvm_thread_start(struct cvm_thread *parent, const uint64_t *a) {
  struct cvm *c = parent->cvm;
  char *stack = guest_buf(c, a[2] - 64, 64, 1);
  void *tp = guest_buf(c, a[3], 16, 1);
  if (!stack || !tp || (a[4] && !guest_buf(c, a[4], 4, 1)))
    return -EFAULT;
  struct cvm_thread *t = thread_new(c);
  if (!t)
    return -ENOMEM;
  /* A bundle start (docs/sfi.md C1), as every indirect branch target;
   * guest_host keeps it in this window or the zone. Code that is not SFI
   * runs only under --insecure-no-verify, and its functions are 16-byte
   * aligned. */
  t->entry = guest_host(c, a[0] & (monitor_insecure_no_verify ? ~0ull : ~31ull));
  t->arg = (void *)(uintptr_t)a[1]; /* the cVM's own value, passed through */
  t->stack = (void *)((uintptr_t)(stack + 64) & ~(uintptr_t)15);
  t->cvm_fs = (uint64_t)(uintptr_t)tp;
  t->clear_tid = a[4];
  t->sig_blocked = parent->sig_blocked; /* as clone: musl blocks all here */
  t->ss_sp = t->ss_size = 0;
  long r = thread_launch(c, t, a[5]);
  if (r < 0)
    free(t);
  return r;
}

void cvm_exit_thread(struct cvm_thread *t, int status) {
  struct cvm *c = t->cvm;
  pthread_mutex_lock(&c->lock);
  if (c->live_threads == 1 && c->state == CVM_RUNNING) {
    c->state = CVM_EXITED;
    c->status = status & 0xff;
  }
  pthread_mutex_unlock(&c->lock);
  siglongjmp(t->exit_jmp, 1);
}

/* End the whole cVM: record how, stop its other threads, leave. */
void cvm_kill(struct cvm_thread *t, int status, int sig) {
  struct cvm *c = t->cvm;
  pthread_mutex_lock(&c->lock);
  if (c->state == CVM_RUNNING) {
    c->state = sig ? CVM_FAILED : CVM_EXITED;
    c->status = status;
  }
  for (int i = 0; i < CVM_MAX_THREADS; i++)
    if (c->threads[i] && c->threads[i] != t)
      pthread_kill(c->threads[i]->host, SIG_CVM_END);
  pthread_mutex_unlock(&c->lock);
  siglongjmp(t->exit_jmp, 1);
}

struct cvm_thread *cvm_thread_of(struct cvm *c, long tid) {
  for (int i = 0; i < CVM_MAX_THREADS; i++)
    if (c->threads[i] && c->threads[i]->tid == tid)
      return c->threads[i];
  return NULL;
}

int cvm_wait(struct cvm *c) {
  pthread_mutex_lock(&c->lock);
  while (c->live_threads > 0)
    pthread_cond_wait(&c->done, &c->lock);
  int s = c->status;
  pthread_mutex_unlock(&c->lock);
  return s;
}

void cvm_destroy(struct cvm *c) {
  if (!c)
    return;
  signal_cvm_free(c);
  orc_link_release(c->link);
  region_free(&c->mem);
  window_close(c->window, c->window_key);
  fs_free(c);
  if (c->rootfd >= 0)
    close(c->rootfd);
  pthread_mutex_destroy(&c->lock);
  pthread_mutex_destroy(&c->disk_lock);
  pthread_cond_destroy(&c->done);
  free(c->enosys);
  free(c);
}

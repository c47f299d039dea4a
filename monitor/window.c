/* cVM windows: 4 GiB of address space per cVM, 4 GiB-aligned, GS = its
 * base W for every thread of the cVM (docs/architecture.md):
 *
 *   [W, W + 64 KiB)               never mapped
 *   [W + 64 KiB, W + 96 KiB)      the capability table, read-only to the
 *                                 cVM (the pages its slots need)
 *   [W + 96 KiB, W + 2 GiB)       the region: state, TLS, heap, stacks,
 *                                 file mappings (mem.c)
 *   [W + 2 GiB, W + 4 GiB - 64 KiB)  the shared view: each linked
 *                                 object's readable pages, read-only, the
 *                                 same memfd pages as the code zone, at
 *                                 W + their code-zone address
 *   [W + 4 GiB - 64 KiB, W + 4 GiB)  never mapped
 *
 * Windows lie from 8 GiB up to the top of the 47-bit user address space:
 * slot s is W = (s + 2) * 4 GiB, s < 32,765. A slot where the monitor's
 * own mappings already are is skipped for good. Each window costs
 * mappings (VMAs), and the process may hold at most vm.max_map_count of
 * them: a window is refused, with a message naming the limit, when the
 * cVMs already running would leave too few for it. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define WINDOW_FIRST 2
#define WINDOW_SLOTS 32765u
/* Mappings a cVM's window and host thread take: measured 15 per added
 * hello cVM and 24 per Lua or SQLite cVM (docs/density.md); room left for
 * a heap in more pieces. */
#define WINDOW_VMAS 32

static uint64_t busy[(WINDOW_SLOTS + 63) / 64]; /* in use or not ours */
static size_t in_use, base_vmas, max_vmas;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static size_t read_count(const char *path, size_t lines) {
  FILE *f = fopen(path, "r");
  size_t n = 0;
  int ch;
  if (!f)
    return 0;
  if (lines) {
    while ((ch = getc(f)) != EOF)
      n += ch == '\n';
  } else if (fscanf(f, "%zu", &n) != 1) {
    n = 0;
  }
  fclose(f);
  return n;
}

static char *slot_base(size_t s) { return (char *)((s + WINDOW_FIRST) * WINDOW_SIZE); }
static size_t slot_of(const char *w) {
  return (size_t)((uintptr_t)w / WINDOW_SIZE) - WINDOW_FIRST;
}

char *window_new(char *err, size_t errlen) {
  pthread_mutex_lock(&lock);
  if (base_vmas + (in_use + 1) * WINDOW_VMAS > max_vmas) {
    snprintf(err, errlen,
             "no room for another cVM: vm.max_map_count (%zu mappings) holds "
             "about %zu cVMs of up to %d mappings each, and %zu are running "
             "(raise it: sysctl vm.max_map_count=N)",
             max_vmas, (max_vmas - base_vmas) / WINDOW_VMAS, WINDOW_VMAS, in_use);
    pthread_mutex_unlock(&lock);
    return NULL;
  }
  for (size_t s = 0; s < WINDOW_SLOTS; s++) {
    if (busy[s / 64] >> (s % 64) & 1)
      continue;
    char *w = slot_base(s);
    void *m = mmap(w, WINDOW_SIZE, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                   -1, 0);
    busy[s / 64] |= 1ull << (s % 64); /* ours now, or someone else's */
    if (m == MAP_FAILED)
      continue;
    if (m != w) { /* not honoured: the slot is someone else's */
      munmap(m, WINDOW_SIZE);
      continue;
    }
    in_use++;
    pthread_mutex_unlock(&lock);
    return w;
  }
  snprintf(err, errlen,
           "no room for another cVM: all windows of the 47-bit address space "
           "are in use (%zu cVMs; at most %u windows of 4 GiB)",
           in_use, WINDOW_SLOTS);
  pthread_mutex_unlock(&lock);
  return NULL;
}

void window_free(char *w) {
  if (!w)
    return;
  size_t s = slot_of(w);
  munmap(w, WINDOW_SIZE);
  pthread_mutex_lock(&lock);
  busy[s / 64] &= ~(1ull << (s % 64));
  in_use--;
  pthread_mutex_unlock(&lock);
}

size_t window_count(size_t *max) {
  if (max)
    *max = WINDOW_SLOTS;
  return in_use;
}

/* Capability tables: one memfd holds a table's pages for every window
 * slot (WINDOW_REGION - WINDOW_CTABLE bytes each, sparse). The monitor
 * writes a table through its own writable mapping of the whole file, then
 * maps the table's pages read-only into the window: one mmap, over pages
 * that were never mapped there, so no TLB shootdown (an mprotect to
 * read-only after writing would need one). A slot's pages are kept for
 * its next window and cleared then. */
#define CTABLE_ROOM (WINDOW_REGION - WINDOW_CTABLE)
static int tables_fd = -1;
static char *tables;

static size_t ctable_bytes(size_t n) { return (n * 8 + 4095) & ~(size_t)4095; }

/* At set-up (confine_init), before the filter: memfd_create is not on
 * its list. */
int window_init(void) {
  /* The mappings limit, and what the monitor uses itself: read now, as
   * the filter refuses opening files later. */
  max_vmas = read_count("/proc/sys/vm/max_map_count", 0);
  base_vmas = read_count("/proc/self/maps", 1);
  if (!max_vmas)
    max_vmas = 65530;
  size_t size = (size_t)WINDOW_SLOTS * CTABLE_ROOM;
  int fd = (int)syscall(SYS_memfd_create, "orc-ctables", MFD_CLOEXEC);
  void *m = fd < 0 || ftruncate(fd, (off_t)size)
                ? MAP_FAILED
                : mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_NORESERVE, fd, 0);
  if (m == MAP_FAILED) {
    int e = errno;
    if (fd >= 0)
      close(fd);
    return -e;
  }
  tables_fd = fd;
  tables = m;
  return 0;
}

uint64_t *window_ctable(char *w, size_t n) {
  if (!tables || n > ORC_MAX_SLOTS)
    return NULL;
  char *t = tables + slot_of(w) * CTABLE_ROOM;
  memset(t, 0, ctable_bytes(n));
  return (uint64_t *)t;
}

/* Populated at once: the cVM's code reads the table in every function
 * that touches state, so a fault on it would come anyway. */
static int window_seal(char *w, size_t n) {
  void *m = mmap(w + WINDOW_CTABLE, ctable_bytes(n), PROT_READ,
                 MAP_SHARED | MAP_FIXED | MAP_POPULATE, tables_fd,
                 (off_t)(slot_of(w) * CTABLE_ROOM));
  return m == MAP_FAILED ? -1 : 0;
}

/* The view in as few mappings as possible: the link's readable ranges,
 * sorted, and joined where only unmapped pages of an object lie between
 * them (the padding between its segments). Templates stay out, and so
 * does anything between objects. Mappings cost a system call each at
 * every cVM start (and a VMA each). */
#define VIEW_RANGES 256
struct range {
  uintptr_t lo, hi;
};
struct view {
  size_t n;
  struct range r[VIEW_RANGES];
};

static int view_range(void *ctx, void *addr, size_t len) {
  struct view *v = ctx;
  uintptr_t a = (uintptr_t)addr;
  if (a < CODE_ZONE_BASE || a - CODE_ZONE_BASE > CODE_ZONE_SIZE - len ||
      v->n == VIEW_RANGES)
    return -1; /* not in the code zone, or too many pieces */
  v->r[v->n++] = (struct range){a, a + len};
  return 0;
}

static int view_join(const struct orc_link *l, uintptr_t from, uintptr_t to) {
  /* Joinable if the gap lies inside one object, outside its template. */
  for (size_t i = 0; i < orc_link_objects(l); i++) {
    void *base;
    size_t span, tlo, thi;
    orc_link_object_span(l, i, &base, &span, &tlo, &thi);
    uintptr_t b = (uintptr_t)base;
    if (from >= b && to <= b + span)
      return tlo == thi || to <= b + tlo || from >= b + thi;
  }
  return 0;
}

/* The link's view as sorted, joined ranges of code-zone addresses, or -1
 * (not all in the zone, or too many pieces). */
static int view_of(const struct orc_link *l, struct view *v) {
  v->n = 0;
  if (orc_link_shared_ranges(l, view_range, v))
    return -1;
  struct range *r = v->r;
  for (size_t i = 1; i < v->n; i++) /* insertion sort by address */
    for (size_t k = i; k > 0 && r[k - 1].lo > r[k].lo; k--) {
      struct range t = r[k];
      r[k] = r[k - 1], r[k - 1] = t;
    }
  size_t out = 0;
  for (size_t i = 0; i < v->n;) {
    struct range j = r[i++];
    while (i < v->n && (r[i].lo == j.hi || view_join(l, j.hi, r[i].lo)))
      j.hi = r[i++].hi;
    r[out++] = j;
  }
  v->n = out;
  return 0;
}

/* Parked windows. A window whose cVM has ended keeps its table's mapping
 * and its view, its region emptied (one mmap over it: no page, no file
 * mapping, nothing of the old cVM is left in it), for the next cVM whose
 * table has as many pages and whose view is the same ranges: that cVM's
 * window is then exactly what a fresh one would be, without its five to
 * ten system calls and its first page-table pages (docs/density.md). At
 * most PARKED_MAX are kept, the oldest given back first; all are given
 * back when window_new finds no room. Parked windows count as in use for
 * the mappings limit, since they hold their mappings. */
#define PARKED_MAX 64
struct window_key {
  size_t table_pages, n;
  struct range r[]; /* the view's ranges, sorted and joined */
};
static struct {
  char *w;
  struct window_key *key;
} parked[PARKED_MAX]; /* the oldest first */
static size_t nparked;
static struct view probe; /* the view window_open looks for, under lock */

static int same_key(const struct window_key *k, size_t table_pages,
                    const struct view *v) {
  return k->table_pages == table_pages && k->n == v->n &&
         !memcmp(k->r, v->r, v->n * sizeof *v->r);
}

/* Gives every parked window back; returns how many there were. */
static size_t unpark_all(void) {
  pthread_mutex_lock(&lock);
  size_t n = nparked;
  char *w[PARKED_MAX];
  struct window_key *k[PARKED_MAX];
  for (size_t i = 0; i < n; i++)
    w[i] = parked[i].w, k[i] = parked[i].key;
  nparked = 0;
  pthread_mutex_unlock(&lock);
  for (size_t i = 0; i < n; i++)
    window_free(w[i]), free(k[i]);
  return n;
}

static int view_map(char *w, const struct window_key *k) {
  size_t size;
  int fd;
  if (!confine_arena(&size, &fd) || fd < 0)
    return -1;
  for (size_t i = 0; i < k->n; i++)
    if (mmap(w + k->r[i].lo, k->r[i].hi - k->r[i].lo, PROT_READ,
             MAP_SHARED | MAP_FIXED, fd,
             (off_t)(k->r[i].lo - CODE_ZONE_BASE)) == MAP_FAILED)
      return -1;
  return 0;
}

char *window_open(const struct orc_link *l, size_t n, struct window_key **keyp,
                  char *err, size_t errlen) {
  size_t pages = ctable_bytes(n) / 4096;
  char *w = NULL;
  struct window_key *key = NULL;
  *keyp = NULL;
  pthread_mutex_lock(&lock);
  if (view_of(l, &probe)) {
    pthread_mutex_unlock(&lock);
    snprintf(err, errlen, "cannot map the cVM's shared view (its objects "
                          "lie outside the code zone or in too many pieces)");
    return NULL;
  }
  for (size_t i = nparked; !w && i-- > 0;) /* the newest first */
    if (same_key(parked[i].key, pages, &probe)) {
      w = parked[i].w, key = parked[i].key;
      memmove(parked + i, parked + i + 1, (--nparked - i) * sizeof *parked);
    }
  if (!w && (key = malloc(sizeof *key + probe.n * sizeof *key->r))) {
    key->table_pages = pages, key->n = probe.n;
    memcpy(key->r, probe.r, probe.n * sizeof *key->r);
  }
  pthread_mutex_unlock(&lock);
  if (w)
    return *keyp = key, w;
  if (!key)
    return snprintf(err, errlen, "out of memory"), NULL;
  w = window_new(err, errlen);
  if (!w && unpark_all())
    w = window_new(err, errlen);
  if (w && (window_seal(w, n) || view_map(w, key))) {
    window_free(w);
    w = NULL;
    snprintf(err, errlen, "cannot map the cVM's window (table or shared view)");
  }
  if (!w)
    free(key);
  else
    *keyp = key;
  return w;
}

size_t window_parked(void) {
  pthread_mutex_lock(&lock);
  size_t n = nparked;
  pthread_mutex_unlock(&lock);
  return n;
}

void window_close(char *w, struct window_key *key) {
  if (!w)
    return;
  /* The region emptied: everything the cVM had there goes at once. */
  if (!key || mmap(w + WINDOW_REGION, WINDOW_VIEW - WINDOW_REGION, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1,
                   0) == MAP_FAILED) {
    free(key);
    window_free(w);
    return;
  }
  char *old = NULL;
  struct window_key *oldkey = NULL;
  pthread_mutex_lock(&lock);
  if (nparked == PARKED_MAX) { /* the oldest makes room */
    old = parked[0].w, oldkey = parked[0].key;
    memmove(parked, parked + 1, (PARKED_MAX - 1) * sizeof *parked);
    nparked--;
  }
  parked[nparked].w = w, parked[nparked++].key = key;
  pthread_mutex_unlock(&lock);
  if (old)
    window_free(old), free(oldkey);
}

/* Loader benchmark: state instantiation (small and large links) against a
 * memcpy of the same bytes, and mapping a new link with and without a
 * cached content digest against glibc's dlopen of the same sources built
 * without the pass. Prints a markdown table; medians over many runs.
 *
 * Usage: bench_loader SMALL_IMAGE_DIR LARGE_IMAGE_DIR NATIVE_DIR */
#define _GNU_SOURCE
#include "support.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double pct(double *v, int n, double p) {
  qsort(v, (size_t)n, sizeof *v, cmp);
  return v[(int)(p * (n - 1))];
}

/* A digest cache filled on first use: the caller's side of
 * orc_source.digest, keyed by name here (by file identity in a monitor). */
static struct {
  char name[256];
  uint8_t d[32];
} cache[16];
static int ncache;

static int digest(void *ctx, const char *name, uint8_t out[32]) {
  (void)ctx;
  for (int i = 0; i < ncache; i++)
    if (!strcmp(cache[i].name, name)) {
      memcpy(out, cache[i].d, 32);
      return 1;
    }
  return 0;
}

static struct orc_link *load(struct orc_store *s, const char *dir,
                             int cached) {
  struct dir_source src;
  dir_source_init(&src, dir);
  if (cached)
    src.src.digest = digest;
  struct orc_error err = {0};
  struct orc_link *l = NULL;
  if (orc_link_load(s, "prog", &src.src, &l, &err)) {
    fprintf(stderr, "bench_loader: %s\n", err.msg);
    exit(1);
  }
  return l;
}

static void fill_cache(const char *dir, const char *const *names) {
  struct dir_source src;
  dir_source_init(&src, dir);
  for (; *names; names++) {
    const void *b;
    size_t len;
    struct orc_error err;
    if (src.src.open(&src, *names, NULL, &b, &len, &err))
      exit(1);
    snprintf(cache[ncache].name, sizeof cache[ncache].name, "%s", *names);
    orc_content_digest(b, len, cache[ncache++].d);
    src.src.release(&src, b, len);
  }
}

/* fresh: every instance in new memory of the region (page faults
 * included, for the instance and the memcpy baseline alike); warm: the
 * same memory reused, i.e. the loader's own work. */
static void bench_instantiate(const char *label, const char *dir, int runs,
                              int fresh) {
  struct orc_store *s = orc_store_new();
  orc_store_allow_unverified(s); /* host code calls the objects: no SFI */
  struct orc_link *l = load(s, dir, 0);
  size_t bytes = orc_link_state_size(l), csize = orc_link_ctable_size(l);
  struct region r;
  region_init(&r, (size_t)runs * (bytes + 64 * orc_link_objects(l)) + 4096);
  uint64_t *ct = calloc(csize, 8);
  double *t = calloc((size_t)runs, sizeof *t), *m = calloc((size_t)runs, sizeof *m);
  char *src = malloc(bytes), *dst = malloc(bytes);
  memset(src, 1, bytes);
  char *fresh_dst = malloc((size_t)runs * bytes);
  for (int i = 0; i < runs; i++) {
    struct orc_instance inst;
    struct orc_error err;
    if (!fresh)
      r.used = 0;
    double t0 = now_ns();
    orc_instantiate(l, &r.alloc, ct, &inst, &err);
    double t1 = now_ns();
    if (fresh)
      dst = fresh_dst + (size_t)i * bytes;
    memcpy(dst, src, bytes);
    __asm__ volatile("" ::"r"(dst) : "memory");
    double t2 = now_ns();
    t[i] = t1 - t0;
    m[i] = t2 - t1;
  }
  double med = pct(t, runs, 0.5), p99 = pct(t, runs, 0.99), mm = pct(m, runs, 0.5);
  printf("| instantiate %s, %s memory | %zu B state, %zu objects | %.0f ns | %.0f ns "
         "| %.0f/s | memcpy of %zu B: %.0f ns | %.1fx |\n",
         label, fresh ? "fresh" : "warm", bytes, orc_link_objects(l), med, p99, 1e9 / med, bytes, mm,
         med / (mm > 0 ? mm : 1));
  if (fresh)
    dst = NULL;
  free(src), free(dst), free(fresh_dst), free(t), free(m), free(ct);
  region_free(&r);
  orc_link_release(l);
  orc_store_free(s);
}

static void bench_map(const char *label, const char *dir,
                      const char *native_dir, const char *const *natives,
                      int runs) {
  double *t[2], *d = calloc((size_t)runs, sizeof *d);
  for (int cached = 0; cached < 2; cached++) {
    t[cached] = calloc((size_t)runs, sizeof *t[cached]);
    struct orc_store *s = orc_store_new();
    orc_store_allow_unverified(s); /* host code calls the objects: no SFI */
    for (int i = 0; i < runs; i++) {
      double t0 = now_ns();
      struct orc_link *l = load(s, dir, cached);
      t[cached][i] = now_ns() - t0;
      orc_link_release(l); /* the store empties: the next load maps again */
    }
    orc_store_free(s);
  }
  for (int i = 0; i < runs; i++) {
    char path[4200];
    double t0 = now_ns();
    void *h[8];
    int n = 0;
    for (const char *const *p = natives; *p; p++) {
      snprintf(path, sizeof path, "%s/%s", native_dir, *p);
      h[n] = dlopen(path, RTLD_NOW | RTLD_LOCAL);
      if (!h[n++]) {
        fprintf(stderr, "bench_loader: %s\n", dlerror());
        exit(1);
      }
    }
    d[i] = now_ns() - t0;
    while (n--)
      dlclose(h[n]);
  }
  double a = pct(t[0], runs, 0.5), b = pct(t[1], runs, 0.5), c = pct(d, runs, 0.5);
  printf("| map new link %s, digest computed | | %.0f ns | %.0f ns | | dlopen+bind, "
         "native build: %.0f ns | %.2fx |\n",
         label, a, pct(t[0], runs, 0.99), c, a / c);
  printf("| map new link %s, digest cached | | %.0f ns | %.0f ns | | dlopen+bind, "
         "native build: %.0f ns | %.2fx |\n",
         label, b, pct(t[1], runs, 0.99), c, b / c);
  free(t[0]), free(t[1]), free(d);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s SMALL_IMAGE_DIR LARGE_IMAGE_DIR NATIVE_DIR\n",
            argv[0]);
    return 2;
  }
  printf("| what | size | median | p99 | rate (one core) | baseline | ratio |\n");
  printf("|---|---|---|---|---|---|---|\n");
  for (int fresh = 0; fresh < 2; fresh++) {
    bench_instantiate("small", argv[1], 100000, fresh);
    bench_instantiate("large", argv[2], 2000, fresh);
  }
  static const char *small[] = {"prog", "libmid.so", "libbase.so", NULL};
  static const char *large[] = {"prog", "liblarge.so", NULL};
  static const char *native_small[] = {"libbase.so", "libmid.so", NULL};
  static const char *native_large[] = {"liblarge.so", NULL};
  fill_cache(argv[1], small);
  bench_map("small", argv[1], argv[3], native_small, 300);
  ncache = 0;
  fill_cache(argv[2], large);
  bench_map("large", argv[2], argv[3], native_large, 100);
  return 0;
}

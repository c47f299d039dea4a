/* orc deploy CONFIG.yaml [--json] [--insecure-no-verify]: start every cVM a configuration
 * describes in this monitor, wait for them, and summarise what was shared:
 * cVMs by outcome, objects in the store, bytes shared, private bytes per
 * cVM (min/median/max) and in total. */
#define _GNU_SOURCE
#include "deploy.h"
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct running {
  struct cvm *c;
  size_t private_bytes;
};

static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return (x > y) - (x < y);
}

/* What one cVM holds privately: its region's resident pages (state, TLS,
 * the parts of stacks and heap it touched) and its capability table. */
static size_t private_bytes(const struct cvm *c) {
  return region_resident(&c->mem) + orc_link_ctable_size(c->link) * 8;
}

static int open_stdout(const struct deploy_spec *s) {
  if (!s->stdout_to || !strcmp(s->stdout_to, "inherit"))
    return dup(1);
  if (!strcmp(s->stdout_to, "null"))
    return open("/dev/null", O_WRONLY | O_CLOEXEC);
  return open(s->stdout_to, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

/* not_started: cVMs that could not be made (a refused object, a missing
 * image), reported on stderr as they failed. */
static void print_summary(struct running *r, size_t n, size_t not_started,
                          int json, double seconds) {
  size_t counts[3] = {0}, *priv = calloc(n ? n : 1, sizeof *priv), total = 0;
  for (size_t i = 0; i < n; i++) {
    counts[r[i].c->state]++;
    priv[i] = r[i].private_bytes;
    total += priv[i];
  }
  qsort(priv, n, sizeof *priv, cmp_size);
  /* What the programs asked for and did not get (docs/monitor.md). */
  unsigned long asked[CVM_ENOSYS_MAX] = {0};
  size_t kinds = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t nr = 0; r[i].c->enosys && nr < CVM_ENOSYS_MAX; nr++)
      asked[nr] += r[i].c->enosys[nr];
  for (size_t nr = 0; nr < CVM_ENOSYS_MAX; nr++)
    kinds += asked[nr] != 0;
  struct orc_store_info si;
  orc_store_info(monitor_store(), &si);
  size_t min = n ? priv[0] : 0, med = n ? priv[n / 2] : 0,
         max = n ? priv[n - 1] : 0;
  if (json) {
    printf("{\"cvms\": %zu, \"running\": %zu, \"exited\": %zu, \"failed\": %zu, "
           "\"not_started\": %zu, \"objects\": %zu, \"object_users\": %zu, \"bytes_shared\": %zu, "
           "\"bytes_not_duplicated\": %zu, \"private_bytes_min\": %zu, "
           "\"private_bytes_median\": %zu, \"private_bytes_max\": %zu, "
           "\"private_bytes_total\": %zu, \"seconds\": %.3f, ",
           n, counts[CVM_RUNNING], counts[CVM_EXITED], counts[CVM_FAILED],
           not_started, si.objects, si.users, si.bytes_shared, si.bytes_duplicated, min, med,
           max, total, seconds);
    printf("\"enosys\": {");
    const char *sep = "";
    for (size_t nr = 0; nr < 512; nr++)
      if (asked[nr]) {
        printf("%s\"%zu\": %lu", sep, nr, asked[nr]);
        sep = ", ";
      }
    printf("}}\n");
  } else {
    printf("cVMs:            %zu (running %zu, exited %zu, failed %zu, not started %zu) in %.2f s\n"
           "store:           %zu objects, %zu users, %zu bytes shared "
           "(%zu more would have been copies)\n"
           "private per cVM: min %zu, median %zu, max %zu bytes\n"
           "private total:   %zu bytes\n",
           n, counts[CVM_RUNNING], counts[CVM_EXITED], counts[CVM_FAILED],
           not_started, seconds, si.objects, si.users, si.bytes_shared, si.bytes_duplicated,
           min, med, max, total);
  }
  if (kinds && !json) {
    printf("ENOSYS:          ");
    for (size_t nr = 0; nr < 512; nr++)
      if (asked[nr])
        printf("syscall %zu x%lu  ", nr, asked[nr]);
    printf("\n");
  }
  free(priv);
}

int deploy_main(int argc, char **argv) {
  int json = 0;
  const char *file = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--json"))
      json = 1;
    else if (!strcmp(argv[i], "--insecure-no-verify"))
      monitor_insecure_no_verify = 1, monitor_warn_insecure("deploy");
    else if (!file)
      file = argv[i];
    else
      file = NULL, i = argc;
  }
  if (!file) {
    fprintf(stderr, "usage: orc deploy CONFIG.yaml [--json] [--insecure-no-verify]\n");
    return 2;
  }
  struct deploy_config cfg;
  char err[600];
  if (deploy_parse(file, &cfg, err, sizeof err)) {
    fprintf(stderr, "orc deploy: %s\n", err);
    return 2;
  }
  size_t total = 0;
  for (size_t i = 0; i < cfg.nspecs; i++)
    total += (size_t)cfg.specs[i].replicas;
  struct running *r = calloc(total ? total : 1, sizeof *r);
  /* What the cVMs need from the host, opened before the monitor gives up
   * root: each image, each stdout, and an empty but open stdin. */
  int *roots = calloc(cfg.nspecs ? cfg.nspecs : 1, sizeof *roots);
  int *outs = calloc(cfg.nspecs ? cfg.nspecs : 1, sizeof *outs);
  int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
  size_t n = 0;
  int failed_start = 0, tty = isatty(2);
  for (size_t i = 0; i < cfg.nspecs; i++) {
    struct deploy_spec *s = &cfg.specs[i];
    roots[i] = open(s->image, O_PATH | O_DIRECTORY | O_CLOEXEC);
    outs[i] = roots[i] < 0 ? -1 : open_stdout(s);
    if (roots[i] < 0 || outs[i] < 0) {
      fprintf(stderr, "orc deploy: %s:%d: %s: %s\n", file, s->line,
              roots[i] < 0 ? s->image : s->stdout_to, strerror(errno));
      failed_start += s->replicas;
    }
  }
  struct monitor_plan plan = {cfg.user, total, 2 * cfg.nspecs + 1};
  if (monitor_confine(&plan, err, sizeof err)) {
    fprintf(stderr, "orc deploy: %s: %s\n", file, err);
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (size_t i = 0; i < cfg.nspecs; i++) {
    struct deploy_spec *s = &cfg.specs[i];
    if (roots[i] < 0 || outs[i] < 0)
      continue;
    size_t nargs = 0;
    while (s->args && s->args[nargs])
      nargs++;
    char **argv2 = calloc(nargs + 2, sizeof *argv2);
    argv2[0] = s->program;
    for (size_t k = 0; k < nargs; k++)
      argv2[k + 1] = s->args[k];
    for (int k = 0; k < s->replicas; k++) {
      struct cvm_config cc = {.name = s->name, .program = s->program,
                              .rootfd = roots[i], .quota = s->quota,
                              .disk = s->disk,
                              .stdio = {devnull, outs[i], 2}, .net = s->net};
      struct cvm *c;
      int created = !cvm_create(monitor_store(), &cc, &c, err, sizeof err);
      char **env = created ? env_with_path(s->env) : NULL;
      if (created && !env)
        snprintf(err, sizeof err, "out of memory");
      int started = env && !cvm_start(c, argv2, env, err, sizeof err);
      free(env);
      if (!started) {
        if (created) /* created, not started */
          cvm_destroy(c);
        fprintf(stderr, "orc deploy: %s:%d: %s: %s\n", file, s->line, s->name,
                err);
        failed_start++;
        continue;
      }
      r[n++].c = c;
      if (total >= 100 && (n % 100 == 0 || n == total))
        fprintf(stderr, "%sorc deploy: started %zu/%zu cVMs%s", tty ? "\r" : "",
                n, total, tty ? "" : "\n");
    }
    free(argv2);
  }
  for (size_t i = 0; i < cfg.nspecs; i++) {
    if (roots[i] >= 0)
      close(roots[i]);
    if (outs[i] >= 0)
      close(outs[i]);
  }
  free(roots);
  free(outs);
  if (total >= 100 && tty)
    fputc('\n', stderr);
  for (size_t i = 0; i < n; i++) {
    cvm_wait(r[i].c);
    r[i].private_bytes = private_bytes(r[i].c);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  fflush(stdout);
  print_summary(r, n, (size_t)failed_start, json,
                (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  int failed = failed_start;
  for (size_t i = 0; i < n; i++) {
    failed += r[i].c->state == CVM_FAILED;
    cvm_destroy(r[i].c);
  }
  free(r);
  if (devnull >= 0)
    close(devnull);
  deploy_config_free(&cfg);
  return failed ? 1 : 0;
}

/* orc: the monitor's command line.
 *
 *   orc run [--root DIR] [--cwd DIR] [--lib DIR] [--mem SIZE] [--disk SIZE]
 *           [--net] [--user U] [--env K=V]... [--inherit-env]
 *           [--insecure-no-verify] PROGRAM [ARGS...]
 *     (the root defaults to the host's /, and then the cwd to the current
 *     directory and --lib to the runtime's; PATH defaults as OCI's)
 *   orc deploy CONFIG.yaml [--json] [--insecure-no-verify]
 *   orc inspect [--root DIR] [--user U] PROGRAM...
 *
 * The sequence is fixed: process-wide set-up (FS/GS base access, fault
 * handlers, the code arena); the command's input read and what it needs
 * from the host opened; confinement (monitor_confine: the fd account, the
 * drop of root, the seccomp filter); only then objects and cVMs. */
#define _GNU_SOURCE
#include "deploy.h"
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void) {
  fprintf(stderr,
          "usage: orc run [--root DIR] [--cwd DIR] [--lib DIR] [--mem SIZE] [--disk SIZE]\n"
          "               [--net] [--user USER[:GROUP]] [--env K=V]... [--inherit-env]\n"
          "               [--insecure-no-verify] PROGRAM [ARGS...]\n"
          "       orc deploy CONFIG.yaml [--json] [--insecure-no-verify]\n"
          "       orc inspect [--root DIR] [--user USER[:GROUP]] PROGRAM...\n");
  exit(2);
}

/* Confinement, after the command opened what it needs from the host. */
static void confine(const char *cmd, const char *user, size_t cvms) {
  char err[600];
  struct monitor_plan plan = {user, cvms, 0};
  if (monitor_confine(&plan, err, sizeof err)) {
    fprintf(stderr, "orc %s: %s\n", cmd, err);
    exit(2);
  }
}

/* orc inspect [--root DIR] [--user U] PROGRAM...: what the store would
 * share, from the loader alone (no cVM is made). */
static int cmd_inspect(int argc, char **argv) {
  const char *root = ".", *user = NULL;
  int i = 1, status = 0;
  for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
    if (!strcmp(argv[i], "--root"))
      root = argv[i + 1];
    else if (!strcmp(argv[i], "--user"))
      user = argv[i + 1];
    else
      usage();
  }
  if (i >= argc)
    usage();
  int rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0) {
    fprintf(stderr, "orc inspect: --root %s: %s\n", root, strerror(errno));
    return 2;
  }
  confine("inspect", user, 0);
  /* No cVM code runs here: objects that fail the verifier are mapped so
   * that their verdict can be shown, and the status says so. */
  monitor_insecure_no_verify = 1;
  struct orc_link *ls[64];
  int n = 0;
  for (; i < argc && n < 64; i++) {
    char err[600];
    if (root_link(monitor_store(), rootfd, NULL, argv[i], &ls[n], err,
                  sizeof err)) {
      fprintf(stderr, "orc inspect: %s\n", err);
      status = 1;
      continue;
    }
    const struct orc_link *l = ls[n];
    printf("%s: %zu objects, %zu bytes of state per cVM\n", argv[i],
           orc_link_objects(l), orc_link_state_size(l));
    for (size_t k = 0; k < orc_link_objects(l); k++) {
      struct orc_object_info in;
      char key[2 * ORC_KEY_BYTES + 1];
      orc_link_object_info(l, k, &in);
      orc_key_hex(in.key, key);
      printf("  %-20s key %.16s  slot %u  users %u\n"
             "  %-20s shared %zu B, template %zu B, relocations %zu shared + "
             "%zu per cVM, %zu imports, %zu exports\n",
             in.name, key, in.slot, in.users, "", in.shared_bytes,
             in.template_bytes, in.relocs_shared, in.relocs_state, in.imports,
             in.exports);
      printf("  %-20s verified: %s%s\n", "", in.verified ? "yes" : "no: ",
             in.verified ? "" : in.verify_msg);
      if (!in.verified) /* orc run and orc deploy would refuse it */
        status = 1;
    }
    n++;
  }
  struct orc_store_info si;
  orc_store_info(monitor_store(), &si);
  printf("store: %zu objects, %zu users, %zu bytes shared, %zu bytes not "
         "duplicated thanks to sharing\n",
         si.objects, si.users, si.bytes_shared, si.bytes_duplicated);
  while (n--)
    orc_link_release(ls[n]);
  close(rootfd);
  return status;
}

/* Where orc-cc's programs find the runtime's libc: the directory
 * orc-interp passes as --lib (runtime/cc/CMakeLists.txt). */
#ifndef ORC_RUNTIME_LIB
#define ORC_RUNTIME_LIB "/usr/local/lib/orc"
#endif

/* 1 if dir is the host's / (the root orc-interp gives). */
static int is_host_root(const char *dir) {
  char *r = realpath(dir, NULL);
  int yes = r && !strcmp(r, "/");
  free(r);
  return yes;
}

static int cmd_run(int argc, char **argv) {
  const char *root = "/", *user = NULL;
  size_t quota = 256u << 20, disk = 256u << 20;
  char *envp[256];
  int nenv = 0, i = 1, net = 0, inherit = 0;
  const char *cwd = NULL, *libdir = NULL;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if (!strcmp(argv[i], "--root") && i + 1 < argc) {
      root = argv[++i];
    } else if (!strcmp(argv[i], "--mem") && i + 1 < argc) {
      char why[160];
      if (parse_size(argv[++i], CVM_QUOTA_MAX, &quota, why, sizeof why)) {
        fprintf(stderr, "orc run: --mem: %s\n", why);
        return 2;
      }
    } else if (!strcmp(argv[i], "--disk") && i + 1 < argc) {
      char why[160];
      if (parse_size(argv[++i], CVM_QUOTA_MAX, &disk, why, sizeof why)) {
        fprintf(stderr, "orc run: --disk: %s\n", why);
        return 2;
      }
    } else if (!strcmp(argv[i], "--user") && i + 1 < argc) {
      user = argv[++i];
    } else if (!strcmp(argv[i], "--net")) {
      net = 1;
    } else if (!strcmp(argv[i], "--cwd") && i + 1 < argc) {
      cwd = argv[++i];
    } else if (!strcmp(argv[i], "--lib") && i + 1 < argc) {
      libdir = argv[++i];
    } else if (!strcmp(argv[i], "--insecure-no-verify")) {
      monitor_insecure_no_verify = 1;
      monitor_warn_insecure("run");
    } else if (!strcmp(argv[i], "--inherit-env")) {
      inherit = 1;
    } else if (!strcmp(argv[i], "--env") && i + 1 < argc && nenv < 255) {
      if (!strchr(argv[++i], '=')) {
        fprintf(stderr, "orc run: --env: '%s' is not K=V\n", argv[i]);
        return 2;
      }
      envp[nenv++] = argv[i];
    } else {
      usage();
    }
  }
  if (i >= argc)
    usage();
  envp[nenv] = NULL;
  extern char **environ;
  /* A default PATH unless one was given (or inherited without one). */
  char **env = env_with_path(inherit ? environ : envp);
  if (!env)
    return fprintf(stderr, "orc run: out of memory\n"), 2;
  /* With the host's / as the root (the default, as orc-interp runs
   * programs): the cwd is the current directory unless --cwd says, and
   * libraries come first from the runtime's own directory, as orc-cc
   * linked them. */
  char here[4096], *prog = argv[i];
  if (is_host_root(root)) {
    if (!cwd && getcwd(here, sizeof here))
      cwd = here;
    if (!libdir)
      libdir = ORC_RUNTIME_LIB;
  }
  /* A relative program path is relative to the cwd, as for a shell. */
  if (prog[0] != '/' && cwd) {
    size_t n = strlen(cwd) + strlen(prog) + 2;
    if (!(prog = malloc(n)))
      return fprintf(stderr, "orc run: out of memory\n"), 2;
    snprintf(prog, n, "%s/%s", cwd, argv[i]);
  }
  int rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0) {
    fprintf(stderr, "orc run: --root %s: %s\n", root, strerror(errno));
    return 2;
  }
  confine("run", user, 1);
  struct orc_store *store = monitor_store();
  struct cvm_config cfg = {.name = argv[i], .program = prog,
                           .rootfd = rootfd, .quota = quota, .disk = disk,
                           .cwd = cwd, .libdir = libdir,
                           .stdio = {0, 1, 2}, .net = net};
  struct cvm *c;
  char err[600];
  if (cvm_create(store, &cfg, &c, err, sizeof err)) {
    fprintf(stderr, "orc run: %s\n", err);
    return 127;
  }
  if (cvm_start(c, argv + i, env, err, sizeof err)) {
    fprintf(stderr, "orc run: %s: cannot start: %s\n", argv[i], err);
    cvm_destroy(c);
    return 127;
  }
  int status = cvm_wait(c);
  for (size_t nr = 0; c->enosys && nr < CVM_ENOSYS_MAX; nr++)
    if (c->enosys[nr] && getenv("ORC_SHOW_ENOSYS"))
      fprintf(stderr, "orc: %s asked for syscall %zu %u times: ENOSYS\n",
              c->name, nr, c->enosys[nr]);
  cvm_destroy(c);
  close(rootfd);
  if (prog != argv[i])
    free(prog);
  free(env);
  return status;
}

int main(int argc, char **argv) {
  if (argc < 2)
    usage();
  monitor_init();
  if (!strcmp(argv[1], "run"))
    return cmd_run(argc - 1, argv + 1);
  if (!strcmp(argv[1], "deploy"))
    return deploy_main(argc - 1, argv + 1);
  if (!strcmp(argv[1], "inspect"))
    return cmd_inspect(argc - 1, argv + 1);
  usage();
}

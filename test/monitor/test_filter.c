/* The monitor's seccomp allow-list and its privilege drop, from monitor
 * code (what a cVM could reach through a bug in a hostcall). Each attempt
 * runs in a child forked before confinement, which sets the monitor up
 * (monitor_init, monitor_confine) and then makes one system call: the
 * refused ones must kill it with SIGSYS, the allowed ones must let it exit
 * 0. While the first child is confined, the parent reads its
 * /proc/PID/status: an unprivileged user, no groups, no capabilities,
 * no_new_privs, a seccomp filter.
 * As root the monitor must become nobody (and its group); otherwise it
 * stays the user that runs the test. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int pass, fail;

static void check(int ok, const char *what) {
  printf("%s %s\n", ok ? "PASS" : "FAIL", what);
  ok ? pass++ : fail++;
}

static void *thread_fn(void *arg) { return arg; }

/* What the confined child tries; returns only if it was allowed. */
static void attempt(int which) {
  char *argv[] = {"/bin/true", NULL}, *envp[] = {NULL};
  size_t size;
  char *arena = confine_arena(&size, NULL);
  pthread_t th;
  struct timespec ts;
  switch (which) {
  case 0: /* allowed: the calls a hostcall makes */
    if (write(1, "", 0) < 0 || clock_gettime(CLOCK_MONOTONIC, &ts) ||
        pthread_create(&th, NULL, thread_fn, NULL) || pthread_join(th, NULL))
      _exit(3);
    break;
  case 1: execve(argv[0], argv, envp); break;
  case 2: ptrace(PTRACE_TRACEME, 0, 0, 0); break;
  case 3: mount("none", "/mnt", "tmpfs", 0, NULL); break;
  case 4: syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0); break; /* fork */
  case 5: mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); break;
  case 6: { /* code outside the code zone */
    void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(p, 4096, PROT_READ | PROT_EXEC);
    break;
  }
  case 7: ioctl(0, TIOCSTI, "x"); break;
  case 8: prctl(PR_SET_DUMPABLE, 1, 0, 0, 0); break;
  case 9: socket(AF_UNIX, SOCK_STREAM, 0); break;
  case 10: open("/etc/hostname", O_RDONLY); break; /* a host path */
  case 11: kill(1, 0); break;
  case 12: setuid(0); break;
  case 13: /* allowed: code made inside the code zone (the loader's mprotect) */
    if (mprotect(arena, 4096, PROT_READ | PROT_EXEC))
      _exit(3);
    break;
  case 14: /* the reserved range below the zone; 4 GiB up is not the zone */
    mprotect((void *)(1ull << 30), 4096, PROT_READ | PROT_EXEC);
    break;
  case 15: mprotect((void *)(4ull << 30), 4096, PROT_READ | PROT_EXEC); break;
  case 16: fallocate(1, 0, 0, 4096); break; /* only punching holes */
  case 17: syscall(SYS_memfd_create, "x", 0); break;
  }
}

static const char *what[] = {
    "write, clock_gettime, a thread: allowed",
    "execve: SIGSYS", "ptrace: SIGSYS", "mount: SIGSYS", "fork (clone without CLONE_THREAD): SIGSYS",
    "mmap PROT_EXEC: SIGSYS", "mprotect PROT_EXEC outside the code zone: SIGSYS",
    "ioctl TIOCSTI: SIGSYS", "prctl: SIGSYS", "socket(AF_UNIX): SIGSYS",
    "open of a host path: SIGSYS", "kill: SIGSYS", "setuid(0): SIGSYS",
    "mprotect PROT_EXEC inside the code zone: allowed",
    "mprotect PROT_EXEC below the code zone: SIGSYS",
    "mprotect PROT_EXEC at 4 GiB, past the code zone: SIGSYS",
    "fallocate other than punching a hole: SIGSYS", "memfd_create: SIGSYS",
};
#define N (int)(sizeof what / sizeof *what)

/* The Uid:, Gid: ... line of a status file, without its tag. */
static void field(const char *status, const char *tag, char *out, size_t n) {
  const char *p = strstr(status, tag);
  out[0] = 0;
  if (p) {
    p += strlen(tag);
    p += strspn(p, " \t");
    snprintf(out, n, "%.*s", (int)strcspn(p, "\n"), p);
  }
}

static void check_status(pid_t pid, const char *uid, const char *gid) {
  char path[64], buf[8192], v[256], want[256];
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  int fd = open(path, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
  buf[n > 0 ? n : 0] = 0;
  if (fd >= 0)
    close(fd);
  struct { const char *tag, *want; } f[] = {
      {"Uid:", NULL}, {"Gid:", NULL}, {"Groups:", ""}, {"CapInh:", "0000000000000000"},
      {"CapPrm:", "0000000000000000"}, {"CapEff:", "0000000000000000"},
      {"CapAmb:", "0000000000000000"}, {"NoNewPrivs:", "1"}, {"Seccomp:", "2"}};
  for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
    field(buf, f[i].tag, v, sizeof v);
    if (i < 2)
      snprintf(want, sizeof want, "%s\t%s\t%s\t%s", i ? gid : uid, i ? gid : uid,
               i ? gid : uid, i ? gid : uid);
    else
      snprintf(want, sizeof want, "%s", f[i].want);
    char msg[600];
    snprintf(msg, sizeof msg, "confined monitor's %s '%s' (want '%s')", f[i].tag, v, want);
    check(!strcmp(v, want), msg);
  }
}

int main(void) {
  char uid[32], gid[32];
  struct passwd *nobody = getpwnam("nobody");
  snprintf(uid, sizeof uid, "%lu", geteuid() ? (unsigned long)getuid()
                                   : nobody ? (unsigned long)nobody->pw_uid : 65534ul);
  snprintf(gid, sizeof gid, "%lu", geteuid() ? (unsigned long)getgid()
                                   : nobody ? (unsigned long)nobody->pw_gid : 65534ul);
  setvbuf(stdout, NULL, _IONBF, 0);
  for (int i = 0; i < N; i++) {
    int ready[2], go[2];
    if (pipe(ready) || pipe(go))
      return 2;
    pid_t pid = fork();
    if (pid == 0) {
      char err[600];
      struct monitor_plan plan = {NULL, 1, 0};
      monitor_init();
      if (monitor_confine(&plan, err, sizeof err)) {
        fprintf(stderr, "test_filter: %s\n", err);
        _exit(2);
      }
      char c = 0;
      if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) != 1)
        _exit(4);
      attempt(i);
      _exit(0);
    }
    char c;
    close(ready[1]);
    int up = read(ready[0], &c, 1) == 1;
    if (up && i == 0)
      check_status(pid, uid, gid);
    if (write(go[1], "", 1) != 1)
      up = 0;
    int st;
    waitpid(pid, &st, 0);
    close(ready[0]), close(go[0]), close(go[1]);
    int allowed = i == 0 || i == 13;
    char msg[300];
    snprintf(msg, sizeof msg, "%s (status 0x%x%s)", what[i], st, up ? "" : ", never confined");
    check(up && (allowed ? WIFEXITED(st) && WEXITSTATUS(st) == 0
                         : WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS),
          msg);
  }
  printf("%d passed, %d failed\n", pass, fail);
  return fail != 0;
}

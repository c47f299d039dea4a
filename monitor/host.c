/* What the monitor takes from the host, and gives up, before it runs any
 * cVM (monitor_confine), in this order:
 *
 *   1. the fd account: RLIMIT_NOFILE raised to what the cVMs' fd caps add
 *      up to, or the deployment refused. Every cVM's fds are host fds of
 *      this one process, so without it cVMs at their cap starve the
 *      others (and the monitor) of fds;
 *   2. root: the monitor becomes an unprivileged user (nobody and its
 *      group by default when started as root), with no supplementary
 *      groups, no capabilities and no way back;
 *   3. the seccomp filter (confine.c), with no_new_privs.
 *
 * Whatever needs root (opening the operator's images and output files,
 * raising the hard fd limit) is done by the caller before; nothing after
 * can be. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <malloc.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include <unistd.h>

static int confined, account = CVM_FD_ACCOUNT;

int monitor_confined(void) { return confined; }
int monitor_fd_account(void) { return account; }

#define FAIL(...) (snprintf(err, errlen, __VA_ARGS__), -1)

static size_t nr_open(void) {
  unsigned long v = 0;
  FILE *f = fopen("/proc/sys/fs/nr_open", "r");
  if (f) {
    if (fscanf(f, "%lu", &v) != 1)
      v = 0;
    fclose(f);
  }
  return v ? v : 1u << 20;
}

/* RLIMIT_NOFILE raised to what the cVMs' accounts add up to, as far as
 * the hard limit allows (root with CAP_SYS_RESOURCE: fs.nr_open); if that
 * is short, each cVM's account is an equal share of what there is, and
 * below CVM_FD_ACCOUNT_MIN the deployment is refused. */
static int fd_account(const struct monitor_plan *p, char *err, size_t errlen) {
  size_t own = MONITOR_FDS + p->fds, need = p->cvms * CVM_FD_ACCOUNT + own;
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl))
    return FAIL("getrlimit(RLIMIT_NOFILE): %s", strerror(errno));
  if (rl.rlim_cur < need) {
    struct rlimit up = {need, rl.rlim_max > need ? rl.rlim_max : need};
    if (setrlimit(RLIMIT_NOFILE, &up) == 0) /* past the hard limit: root */
      rl = up;
    else if (rl.rlim_cur < rl.rlim_max) {   /* as far as it goes */
      up = (struct rlimit){rl.rlim_max, rl.rlim_max};
      if (setrlimit(RLIMIT_NOFILE, &up) == 0)
        rl = up;
    }
  }
  size_t share = rl.rlim_cur > own && p->cvms ? (rl.rlim_cur - own) / p->cvms
                                              : CVM_FD_ACCOUNT;
  account = share < CVM_FD_ACCOUNT ? (int)share : CVM_FD_ACCOUNT;
  if (!p->cvms || share >= CVM_FD_ACCOUNT_MIN)
    return 0;
  return FAIL("%zu cVMs need at least %zu file descriptors (%d each: 16 fds, "
              "its root and 2 for a thread; %zu for the monitor), more than "
              "RLIMIT_NOFILE allows (soft %llu, hard %llu; root with "
              "CAP_SYS_RESOURCE may raise it up to fs.nr_open = %zu)",
              p->cvms, p->cvms * CVM_FD_ACCOUNT_MIN + own, CVM_FD_ACCOUNT_MIN,
              own, (unsigned long long)rl.rlim_cur,
              (unsigned long long)rl.rlim_max, nr_open());
}

/* "name", "name:group", "uid", "uid:gid": uid and gid, the user's own
 * group when none is given. */
static int parse_user(const char *spec, uid_t *uid, gid_t *gid, char *err,
                      size_t errlen) {
  char user[256], *group = NULL, *end;
  if (snprintf(user, sizeof user, "%s", spec) >= (int)sizeof user)
    return FAIL("user '%s' is too long", spec);
  if ((group = strchr(user, ':')))
    *group++ = 0;
  struct passwd *pw = NULL;
  unsigned long v = strtoul(user, &end, 10);
  if (*user && !*end) {
    *uid = (uid_t)v;
    pw = getpwuid(*uid);
  } else if ((pw = getpwnam(user))) {
    *uid = pw->pw_uid;
  } else {
    return FAIL("user '%s': no such user", user);
  }
  if (group) {
    struct group *gr;
    v = strtoul(group, &end, 10);
    if (*group && !*end)
      *gid = (gid_t)v;
    else if ((gr = getgrnam(group)))
      *gid = gr->gr_gid;
    else
      return FAIL("user '%s': no such group '%s'", spec, group);
  } else if (pw) {
    *gid = pw->pw_gid;
  } else {
    return FAIL("user '%s': uid %lu has no entry to take a group from "
                "(give one: UID:GID)", spec, (unsigned long)*uid);
  }
  if (*uid == 0 || *gid == 0)
    return FAIL("user '%s' is uid %lu, gid %lu: the monitor runs as an "
                "unprivileged user and group", spec, (unsigned long)*uid,
                (unsigned long)*gid);
  return 0;
}

static int no_capabilities(void) {
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  if (syscall(SYS_capget, &h, d))
    return 0;
  if (d[0].effective | d[0].permitted | d[1].effective | d[1].permitted) {
    memset(d, 0, sizeof d); /* a non-root user with capabilities drops them */
    if (syscall(SYS_capset, &h, d))
      return 0;
  }
  return 1;
}

static int drop_root(const char *spec, char *err, size_t errlen) {
  uid_t uid = getuid();
  gid_t gid = getgid();
  if (!spec && geteuid() == 0)
    spec = getpwnam("nobody") ? "nobody" : "65534:65534";
  if (spec && parse_user(spec, &uid, &gid, err, errlen))
    return -1;
  if (geteuid() == 0 && setgroups(0, NULL))
    return FAIL("cannot clear the supplementary groups: %s", strerror(errno));
  if (setresgid(gid, gid, gid))
    return FAIL("cannot become gid %lu: %s", (unsigned long)gid,
                strerror(errno));
  if (setresuid(uid, uid, uid))
    return FAIL("cannot become uid %lu: %s", (unsigned long)uid,
                strerror(errno));
  /* No way back: every id unprivileged, no capabilities left. */
  uid_t r, e, s;
  gid_t rg, eg, sg;
  if (getresuid(&r, &e, &s) || getresgid(&rg, &eg, &sg) || !r || !e || !s ||
      !rg || !eg || !sg || setuid(0) == 0 || !no_capabilities())
    return FAIL("still privileged after the drop to uid %lu, gid %lu",
                (unsigned long)uid, (unsigned long)gid);
  return 0;
}

int monitor_confine(const struct monitor_plan *p, char *err, size_t errlen) {
  if (confined)
    return FAIL("the monitor is confined already");
  if (fd_account(p, err, errlen) || drop_root(p->user, err, errlen))
    return -1;
  /* glibc sizes its malloc arenas by the number of CPUs, read from /sys
   * when a thread first needs an arena of its own: after confinement that
   * open would kill the monitor. Its default, fixed now. */
  mallopt(M_ARENA_MAX, 8 * get_nprocs());
  int r = confine_filter();
  if (r)
    return FAIL("cannot install the seccomp filter: %s", strerror(-r));
  confined = 1;
  return 0;
}

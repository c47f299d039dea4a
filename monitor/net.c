/* Sockets, poll and epoll.
 *
 * Sockets exist only for cVMs whose configuration allows networking
 * (`networking: true`, `orc run --net`); the others get EACCES from
 * socket(). Only Internet sockets: a Unix socket's address is a host path,
 * outside the cVM's root. Ancillary data (which could carry host fds) is
 * never passed in either direction. poll and epoll work on any of the
 * cVM's fds. Every address, buffer and array is checked like any other
 * hostcall pointer. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/* A (pointer, length-pointer) pair the kernel writes an address or option
 * into. The length is read once into *len: another cVM thread changing it
 * after the check cannot widen what the kernel writes. */
/* addr and lenp are the hostcall's argument words: checked in place. */
static long addr_out(struct cvm *c, const uint64_t *addr, const uint64_t *lenp,
                     socklen_t *len) {
  *len = 0;
  if (!*addr)
    return 0;
  CHECK(*lenp, sizeof(socklen_t), 1);
  *len = *(volatile socklen_t *)*lenp;
  CHECK(*addr, *len, 1);
  return 0;
}

static void addr_out_done(uint64_t addr, uint64_t lenp, socklen_t len) {
  if (addr)
    *(socklen_t *)lenp = len;
}

static long do_socket(struct cvm *c, const uint64_t *a) {
  int domain = (int)a[0];
  if (!c->net)
    return -EACCES;
  if (domain != AF_INET && domain != AF_INET6)
    return -EAFNOSUPPORT;
  int s = socket(domain, (int)a[1] | SOCK_CLOEXEC, (int)a[2]);
  return s < 0 ? -errno : fd_alloc(c, s, 0);
}

static long do_msg(struct cvm *c, long nr, int h, uint64_t umsg, int flags) {
  CHECK(umsg, sizeof(struct msghdr), nr == SYS_recvmsg);
  struct msghdr m = *(struct msghdr *)umsg;
  if (m.msg_iovlen > 1024)
    return -EMSGSIZE;
  CHECK(m.msg_iov, m.msg_iovlen * sizeof(struct iovec), 0);
  struct iovec small[IOV_SMALL], *iov;
  long e = iov_copy(c, m.msg_iov, m.msg_iovlen, nr == SYS_recvmsg, small, &iov);
  if (e)
    return e;
  m.msg_iov = iov;
  m.msg_name = cvm_ptr(c, (uintptr_t)m.msg_name);
  if ((m.msg_name && !cvm_can_access(c, m.msg_name, m.msg_namelen,
                                     nr == SYS_recvmsg)) ||
      (nr == SYS_sendmsg && m.msg_controllen)) {
    if (iov != small)
      free(iov); /* no ancillary data: it could carry fds */
    return m.msg_controllen ? -EINVAL : -EFAULT;
  }
  m.msg_control = NULL;
  m.msg_controllen = 0;
  long r = nr == SYS_sendmsg ? sendmsg(h, &m, flags) : recvmsg(h, &m, flags);
  if (iov != small)
    free(iov);
  if (r >= 0 && nr == SYS_recvmsg) {
    ((struct msghdr *)umsg)->msg_namelen = m.msg_namelen;
    ((struct msghdr *)umsg)->msg_controllen = 0;
    ((struct msghdr *)umsg)->msg_flags = m.msg_flags;
  }
  return r < 0 ? -errno : r;
}

static long do_poll(struct cvm *c, uint64_t ufds, uint64_t n, int timeout_ms,
                    const struct timespec *ts) {
  if (n > CVM_MAX_FDS * 4)
    return -EINVAL;
  CHECK(ufds, n * sizeof(struct pollfd), 1);
  struct pollfd *user = (struct pollfd *)ufds;
  struct pollfd *h = calloc(n ? n : 1, sizeof *h);
  if (!h)
    return -ENOMEM;
  for (size_t i = 0; i < n; i++) {
    /* A negative or unknown fd is ignored, as poll ignores negative ones;
     * an unknown one reports POLLNVAL. */
    h[i].fd = user[i].fd < 0 ? -1 : fd_host(c, user[i].fd);
    h[i].events = user[i].events;
  }
  long r = ts ? ppoll(h, n, ts, NULL) : poll(h, n, timeout_ms);
  if (r >= 0)
    for (size_t i = 0; i < n; i++)
      user[i].revents = user[i].fd >= 0 && h[i].fd < 0 ? POLLNVAL : h[i].revents;
  r = r < 0 ? -errno : r;
  free(h);
  return r;
}

static long do_epoll(struct cvm *c, long nr, const uint64_t *a) {
  if (nr == SYS_epoll_create1 || nr == SYS_epoll_create) {
    int e = epoll_create1(EPOLL_CLOEXEC);
    return e < 0 ? -errno : fd_alloc(c, e, 0);
  }
  int ep = fd_host(c, (long)a[0]);
  if (ep < 0)
    return ep;
  long r;
  if (nr == SYS_epoll_ctl) {
    int h = fd_host(c, (long)a[2]);
    if (h < 0)
      return h;
    struct epoll_event ev = {0};
    if (a[1] != EPOLL_CTL_DEL) {
      CHECK(a[3], sizeof ev, 0);
      ev = *(struct epoll_event *)a[3]; /* data is the cVM's own word */
    }
    r = epoll_ctl(ep, (int)a[1], h, &ev);
  } else { /* epoll_wait, epoll_pwait: events land straight in cVM memory */
    if ((int)a[2] <= 0 || (int)a[2] > 4096)
      return -EINVAL;
    CHECK(a[1], (size_t)a[2] * sizeof(struct epoll_event), 1);
    r = epoll_wait(ep, (struct epoll_event *)a[1], (int)a[2], (int)a[3]);
  }
  return r < 0 ? -errno : r;
}

long net_hostcall(struct cvm_thread *t, long nr, const uint64_t *a,
                  int *handled) {
  struct cvm *c = t->cvm;
  *handled = 1;
  long r;
  int h;
  socklen_t len;
  switch (nr) {
  case SYS_socket:
    return do_socket(c, a);
  case SYS_poll:
    return do_poll(c, a[0], a[1], (int)a[2], NULL);
  case SYS_ppoll: {
    struct timespec ts;
    if (a[2]) {
      CHECK(a[2], sizeof ts, 0);
      ts = *(struct timespec *)a[2];
    }
    return do_poll(c, a[0], a[1], -1, a[2] ? &ts : NULL);
  }
  case SYS_epoll_create: case SYS_epoll_create1: case SYS_epoll_ctl:
  case SYS_epoll_wait: case SYS_epoll_pwait:
    return do_epoll(c, nr, a);
  }
  switch (nr) { /* the rest take a socket */
  case SYS_bind: case SYS_connect: case SYS_listen: case SYS_accept:
  case SYS_accept4: case SYS_sendto: case SYS_recvfrom: case SYS_sendmsg:
  case SYS_recvmsg: case SYS_setsockopt: case SYS_getsockopt:
  case SYS_getsockname: case SYS_getpeername: case SYS_shutdown:
    break;
  default:
    *handled = 0;
    return 0;
  }
  if ((h = fd_host(c, (long)a[0])) < 0)
    return h;
  switch (nr) {
  case SYS_bind:
  case SYS_connect:
    CHECK(a[1], a[2], 0);
    r = nr == SYS_bind ? bind(h, (void *)a[1], (socklen_t)a[2])
                       : connect(h, (void *)a[1], (socklen_t)a[2]);
    break;
  case SYS_listen:
    r = listen(h, (int)a[1]);
    break;
  case SYS_accept:
  case SYS_accept4:
    if ((r = addr_out(c, &a[1], &a[2], &len)))
      return r;
    r = accept4(h, (void *)a[1], a[1] ? &len : NULL,
                (int)(nr == SYS_accept4 ? a[3] : 0) | SOCK_CLOEXEC);
    if (r < 0)
      return -errno;
    addr_out_done(a[1], a[2], len);
    return fd_alloc(c, (int)r, 0);
  case SYS_sendto:
    CHECK(a[1], a[2], 0);
    if (a[4])
      CHECK(a[4], a[5], 0);
    r = sendto(h, (void *)a[1], a[2], (int)a[3], (void *)a[4], (socklen_t)a[5]);
    break;
  case SYS_recvfrom:
    CHECK(a[1], a[2], 1);
    if ((r = addr_out(c, &a[4], &a[5], &len)))
      return r;
    r = recvfrom(h, (void *)a[1], a[2], (int)a[3], (void *)a[4],
                 a[4] ? &len : NULL);
    if (r >= 0)
      addr_out_done(a[4], a[5], len);
    break;
  case SYS_sendmsg:
  case SYS_recvmsg:
    return do_msg(c, nr, h, a[1], (int)a[2]);
  case SYS_setsockopt:
    CHECK(a[3], a[4], 0);
    r = setsockopt(h, (int)a[1], (int)a[2], (void *)a[3], (socklen_t)a[4]);
    break;
  case SYS_getsockopt:
    if (!a[3])
      return -EFAULT;
    if ((r = addr_out(c, &a[3], &a[4], &len)))
      return r;
    r = getsockopt(h, (int)a[1], (int)a[2], (void *)a[3], &len);
    if (r >= 0)
      addr_out_done(a[3], a[4], len);
    break;
  case SYS_getsockname:
  case SYS_getpeername:
    if (!a[1])
      return -EFAULT;
    if ((r = addr_out(c, &a[1], &a[2], &len)))
      return r;
    r = nr == SYS_getsockname ? getsockname(h, (void *)a[1], &len)
                              : getpeername(h, (void *)a[1], &len);
    if (r >= 0)
      addr_out_done(a[1], a[2], len);
    break;
  default: /* SYS_shutdown */
    r = shutdown(h, (int)a[1]);
    break;
  }
  return r < 0 ? -errno : r;
}

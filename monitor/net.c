/* Sockets, poll and epoll.
 *
 * Sockets exist only for cVMs whose configuration allows networking
 * (`networking: true`, `orc run --net`); the others get EACCES from
 * socket(). Only Internet sockets: a Unix socket's address is a host path,
 * outside the cVM's root. Ancillary data (which could carry host fds) is
 * never passed in either direction. poll and epoll work on any of the
 * cVM's fds. Addresses, message headers, poll and epoll arrays are copied
 * in and out (guest.c); data buffers are checked ranges the kernel fills
 * or reads (guest_buf). */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/* An address the cVM passes in, copied. */
static long addr_in(struct cvm *c, uint64_t addr, uint64_t len,
                    struct sockaddr_storage *ss) {
  if (len > sizeof *ss)
    return -EINVAL;
  return guest_read(c, ss, addr, len);
}

/* An address the kernel returns (accept, recvfrom, getsockname...): into
 * `ss`, then as much as the cVM's buffer holds goes to it and the whole
 * length to *lenp, as Linux does. *lenp is read once, before the call. */
struct addr_out {
  uint64_t addr, lenp;
  socklen_t asked, len;
  struct sockaddr_storage ss;
};

static long addr_out_begin(struct cvm *c, uint64_t addr, uint64_t lenp,
                           struct addr_out *o) {
  *o = (struct addr_out){addr, lenp, 0, sizeof o->ss, {0}};
  if (addr && guest_read(c, &o->asked, lenp, sizeof o->asked))
    return -EFAULT;
  return (int)o->asked < 0 ? -EINVAL : 0;
}

static long addr_out_end(struct cvm *c, const struct addr_out *o) {
  socklen_t n = o->len < o->asked ? o->len : o->asked;
  if (!o->addr)
    return 0;
  return guest_write(c, o->addr, &o->ss, n < sizeof o->ss ? n : sizeof o->ss) ||
                 guest_write(c, o->lenp, &o->len, sizeof o->len)
             ? -EFAULT
             : 0;
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
  int recv = nr == SYS_recvmsg;
  struct msghdr m;
  struct sockaddr_storage ss;
  if (guest_read(c, &m, umsg, sizeof m))
    return -EFAULT;
  uint64_t uname = (uint64_t)(uintptr_t)m.msg_name;
  socklen_t asked = m.msg_namelen;
  if (m.msg_iovlen > 1024)
    return -EMSGSIZE;
  if (!recv && m.msg_controllen)
    return -EINVAL; /* no ancillary data: it could carry fds */
  long r = uname && !recv ? addr_in(c, uname, asked, &ss) : 0;
  if (r)
    return r;
  struct iovec small[IOV_SMALL], *iov;
  r = iov_copy(c, (uint64_t)(uintptr_t)m.msg_iov, m.msg_iovlen, recv,
                    small, &iov);
  if (r)
    return r;
  m.msg_iov = iov;
  m.msg_name = uname ? &ss : NULL;
  m.msg_namelen = uname ? (recv ? sizeof ss : asked) : 0;
  m.msg_control = NULL;
  m.msg_controllen = 0;
  r = recv ? recvmsg(h, &m, flags) : sendmsg(h, &m, flags);
  r = r < 0 ? -errno : r;
  if (iov != small)
    free(iov);
  if (r >= 0 && recv) { /* the fields Linux writes back, one by one */
    size_t n = m.msg_namelen < asked ? m.msg_namelen : asked;
    if ((uname && guest_write(c, uname, &ss, n)) ||
        guest_write(c, umsg + offsetof(struct msghdr, msg_namelen),
                    &m.msg_namelen, sizeof m.msg_namelen) ||
        guest_write(c, umsg + offsetof(struct msghdr, msg_controllen),
                    &m.msg_controllen, sizeof m.msg_controllen) ||
        guest_write(c, umsg + offsetof(struct msghdr, msg_flags), &m.msg_flags,
                    sizeof m.msg_flags))
      r = -EFAULT;
  }
  return r;
}

/* The cVM's array copied in, its fds made host fds, polled, copied out. */
static long do_poll(struct cvm *c, uint64_t ufds, uint64_t n, int timeout_ms,
                    const struct timespec *ts) {
  if (n > CVM_MAX_FDS * 4)
    return -EINVAL;
  struct pollfd *u = calloc(n ? 2 * n : 1, sizeof *u), *h = u + n;
  if (!u)
    return -ENOMEM;
  long r = guest_read(c, u, ufds, n * sizeof *u);
  if (!r && n && !guest_buf(c, ufds, n * sizeof *u, 1))
    r = -EFAULT; /* before blocking, as Linux checks */
  for (size_t i = 0; !r && i < n; i++) {
    /* A negative or unknown fd is ignored, as poll ignores negative ones;
     * an unknown one reports POLLNVAL. */
    h[i].fd = u[i].fd < 0 ? -1 : fd_host(c, u[i].fd);
    h[i].events = u[i].events;
  }
  if (!r) {
    r = ts ? ppoll(h, n, ts, NULL) : poll(h, n, timeout_ms);
    r = r < 0 ? -errno : r;
  }
  if (r >= 0) {
    for (size_t i = 0; i < n; i++)
      u[i].revents = u[i].fd >= 0 && h[i].fd < 0 ? POLLNVAL : h[i].revents;
    if (guest_write(c, ufds, u, n * sizeof *u))
      r = -EFAULT;
  }
  free(u);
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
    if (a[1] != EPOLL_CTL_DEL && guest_read(c, &ev, a[3], sizeof ev))
      return -EFAULT; /* ev.data is the cVM's own word */
    r = epoll_ctl(ep, (int)a[1], h, &ev);
    return r < 0 ? -errno : r;
  }
  /* epoll_wait, epoll_pwait: into the monitor's array, then copied out */
  int max = (int)a[2];
  if (max <= 0 || max > 4096)
    return -EINVAL;
  size_t size = (size_t)max * sizeof(struct epoll_event);
  if (!guest_buf(c, a[1], size, 1))
    return -EFAULT; /* before blocking, as Linux checks */
  struct epoll_event *ev = malloc(size);
  if (!ev)
    return -ENOMEM;
  r = epoll_wait(ep, ev, max, (int)a[3]);
  r = r < 0 ? -errno : r;
  if (r > 0 && guest_write(c, a[1], ev, (size_t)r * sizeof *ev))
    r = -EFAULT;
  free(ev);
  return r;
}

long net_hostcall(struct cvm_thread *t, long nr, const uint64_t *a,
                  int *handled) {
  struct cvm *c = t->cvm;
  *handled = 1;
  long r;
  int h;
  switch (nr) {
  case SYS_socket:
    return do_socket(c, a);
  case SYS_poll:
    return do_poll(c, a[0], a[1], (int)a[2], NULL);
  case SYS_ppoll: {
    struct timespec ts;
    if (a[2] && guest_read(c, &ts, a[2], sizeof ts))
      return -EFAULT;
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
  struct sockaddr_storage ss;
  struct addr_out o;
  void *buf;
  switch (nr) {
  case SYS_bind:
  case SYS_connect:
    if ((r = addr_in(c, a[1], a[2], &ss)))
      return r;
    r = nr == SYS_bind ? bind(h, (void *)&ss, (socklen_t)a[2])
                       : connect(h, (void *)&ss, (socklen_t)a[2]);
    break;
  case SYS_listen:
    r = listen(h, (int)a[1]);
    break;
  case SYS_accept:
  case SYS_accept4:
    if ((r = addr_out_begin(c, a[1], a[2], &o)))
      return r;
    r = accept4(h, a[1] ? (void *)&o.ss : NULL, a[1] ? &o.len : NULL,
                (int)(nr == SYS_accept4 ? a[3] : 0) | SOCK_CLOEXEC);
    if (r < 0)
      return -errno;
    if (addr_out_end(c, &o)) {
      close((int)r); /* the connection is lost, as on Linux */
      return -EFAULT;
    }
    return fd_alloc(c, (int)r, 0);
  case SYS_sendto: /* the kernel reads the cVM's buffer */
    if (!(buf = guest_buf(c, a[1], a[2], 0)) && a[2])
      return -EFAULT;
    if (a[4] && (r = addr_in(c, a[4], a[5], &ss)))
      return r;
    r = sendto(h, buf, a[2], (int)a[3], a[4] ? (void *)&ss : NULL,
               (socklen_t)a[5]);
    break;
  case SYS_recvfrom: /* the kernel fills the cVM's buffer */
    if (!(buf = guest_buf(c, a[1], a[2], 1)) && a[2])
      return -EFAULT;
    if ((r = addr_out_begin(c, a[4], a[5], &o)))
      return r;
    r = recvfrom(h, buf, a[2], (int)a[3], a[4] ? (void *)&o.ss : NULL,
                 a[4] ? &o.len : NULL);
    if (r >= 0 && addr_out_end(c, &o))
      return -EFAULT;
    break;
  case SYS_sendmsg:
  case SYS_recvmsg:
    return do_msg(c, nr, h, a[1], (int)a[2]);
  case SYS_setsockopt: /* the kernel reads the value */
    if (!(buf = guest_buf(c, a[3], a[4], 0)) && a[4])
      return -EFAULT;
    r = setsockopt(h, (int)a[1], (int)a[2], buf, (socklen_t)a[4]);
    break;
  case SYS_getsockopt: { /* the kernel writes the value, we its length */
    socklen_t len;
    if (!a[3] || guest_read(c, &len, a[4], sizeof len))
      return -EFAULT;
    if (!(buf = guest_buf(c, a[3], len, 1)) && len)
      return -EFAULT;
    r = getsockopt(h, (int)a[1], (int)a[2], buf, &len);
    if (r >= 0 && guest_write(c, a[4], &len, sizeof len))
      return -EFAULT;
    break;
  }
  case SYS_getsockname:
  case SYS_getpeername:
    if (!a[1])
      return -EFAULT;
    if ((r = addr_out_begin(c, a[1], a[2], &o)))
      return r;
    r = nr == SYS_getsockname ? getsockname(h, (void *)&o.ss, &o.len)
                              : getpeername(h, (void *)&o.ss, &o.len);
    if (r >= 0 && addr_out_end(c, &o))
      return -EFAULT;
    break;
  default: /* SYS_shutdown */
    r = shutdown(h, (int)a[1]);
    break;
  }
  return r < 0 ? -errno : r;
}

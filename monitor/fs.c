/* File hostcalls, confined to the cVM's root directory.
 *
 * Every path a cVM names is made absolute inside its root (against its
 * cwd, or the directory an fd names) and resolved by the kernel with
 * openat2(rootfd, path, RESOLVE_IN_ROOT): "..", absolute symlinks and
 * magic links cannot leave the root. Operations on a name (mkdir, unlink,
 * rename, readlink) resolve the parent that way and act on the last
 * component, which is never "." or "..". cVM fds are small numbers of the
 * cVM's own, mapped to host fds it cannot name otherwise. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define PATH_LEN 4096

/* Path buffers come from the heap, not the stack: a hostcall runs on its
 * host thread's stack, and every page a deep frame touches there stays
 * with that thread (with each cVM) for good. */

/* The fd table: chunks appear under the lock and stay until fs_free, so
 * looking an entry up needs no lock. NULL if fd is out of range or its
 * chunk was never allocated. */
static struct fd_entry *fd_entry(struct cvm *c, long fd) {
  if (fd < 0 || fd >= CVM_MAX_FDS)
    return NULL;
  struct fd_entry *chunk =
      __atomic_load_n(&c->fdt[fd / CVM_FD_CHUNK], __ATOMIC_ACQUIRE);
  return chunk ? &chunk[fd % CVM_FD_CHUNK] : NULL;
}

/* The entry, its chunk allocated if need be; called with the lock held. */
static struct fd_entry *fd_entry_new(struct cvm *c, long fd) {
  struct fd_entry *e = fd_entry(c, fd);
  if (e || fd < 0 || fd >= CVM_MAX_FDS)
    return e;
  struct fd_entry *chunk = malloc(CVM_FD_CHUNK * sizeof *chunk);
  if (!chunk)
    return NULL;
  for (int i = 0; i < CVM_FD_CHUNK; i++)
    chunk[i] = (struct fd_entry){-1, NULL, 0};
  __atomic_store_n(&c->fdt[fd / CVM_FD_CHUNK], chunk, __ATOMIC_RELEASE);
  return &chunk[fd % CVM_FD_CHUNK];
}

/* Room in the cVM's fd account for one more entry (lock held): its
 * entries, its root, two for each thread (at least the one to come). */
static int fd_room(const struct cvm *c) {
  int threads = c->live_threads ? c->live_threads : 1;
  return c->fd_used + 1 + 1 + 2 * threads <= c->fd_account;
}

int fd_alloc(struct cvm *c, int host, int min) {
  if (host < 0)
    return -EMFILE;
  pthread_mutex_lock(&c->lock);
  for (int fd = min < 0 ? 0 : min, most = cvm_max_fds(c); /* RLIMIT_NOFILE */
       fd < most && fd_room(c); fd++) {
    struct fd_entry *e = fd_entry_new(c, fd);
    if (!e)
      break;
    if (e->host < 0) {
      *e = (struct fd_entry){host, NULL, 0};
      c->fd_used++;
      pthread_mutex_unlock(&c->lock);
      return fd;
    }
  }
  pthread_mutex_unlock(&c->lock);
  close(host);
  return -EMFILE;
}

int fd_host(struct cvm *c, long fd) {
  struct fd_entry *e = fd_entry(c, fd);
  int h = e ? e->host : -1;
  return h < 0 ? -EBADF : h;
}

void fd_given(struct cvm *c, int fd) {
  struct fd_entry *e = fd_entry(c, fd);
  if (e)
    e->given = 1;
}

/* A new cVM fd for a dup of `from`'s host fd (`h`), keeping its marks. */
static long fd_dup(struct cvm *c, long from, int h, int min) {
  long fd = fd_alloc(c, h, min);
  pthread_mutex_lock(&c->lock);
  struct fd_entry *src = fd_entry(c, from), *e = fd_entry(c, fd);
  if (fd >= 0 && src && e && e->host == h)
    e->given = src->given;
  pthread_mutex_unlock(&c->lock);
  return fd;
}

/* ---- The disk quota -----------------------------------------------------
 *
 * What counts against a cVM's disk quota: the bytes by which its writes
 * (write, pwrite64, writev, pwritev) and ftruncate grow regular files in
 * its root (a file's size, so a sparse file counts whole), and
 * DISK_NAME_BYTES for each file, directory or symlink it makes. Shrinking
 * a file (ftruncate, O_TRUNC) and unlinking the last link of a file or a
 * directory give the bytes back. Past the quota a write puts in what fits
 * and answers with that count, then ENOSPC; ftruncate and new names answer
 * ENOSPC. Files the monitor gave (stdio: a terminal, a deploy's stdout
 * file) are not in the root and are not charged. Size checks and the
 * write run under the cVM's disk_lock, so its threads cannot race past
 * the quota together. */

struct disk_op {
  int held; /* disk_lock taken: a regular file in the root, under a quota */
  off_t size; /* its size before */
};

static void disk_charge(struct cvm *c, long long delta) { /* disk_lock held */
  if (delta >= 0)
    c->disk_used += (size_t)delta;
  else
    c->disk_used -= (size_t)-delta < c->disk_used ? (size_t)-delta : c->disk_used;
}

/* -ENOSPC unless `bytes` more fit; charges them. */
static long disk_take(struct cvm *c, size_t bytes) {
  long r = 0;
  pthread_mutex_lock(&c->disk_lock);
  if (c->disk_used > c->disk_quota || bytes > c->disk_quota - c->disk_used)
    r = -ENOSPC;
  else
    c->disk_used += bytes;
  pthread_mutex_unlock(&c->disk_lock);
  return r;
}

static void disk_give(struct cvm *c, long long bytes) {
  pthread_mutex_lock(&c->disk_lock);
  disk_charge(c, -bytes);
  pthread_mutex_unlock(&c->disk_lock);
}

/* Before a write of len bytes at off (-1: the fd's own offset, or its end
 * with O_APPEND), or an ftruncate to len (off -2): how many of the bytes
 * fit (len when nothing is charged), or -ENOSPC. On success the caller
 * writes, then calls disk_done. */
static long disk_begin(struct cvm *c, long fd, int h, size_t len, long off,
                       struct disk_op *op) {
  struct fd_entry *e = fd_entry(c, fd);
  struct stat st;
  op->held = 0;
  if (!c->disk_quota || !e || e->given)
    return (long)len;
  pthread_mutex_lock(&c->disk_lock);
  if (fstat(h, &st) || !S_ISREG(st.st_mode)) {
    pthread_mutex_unlock(&c->disk_lock);
    return (long)len;
  }
  op->held = 1;
  op->size = st.st_size;
  long long at = off == -2 ? 0
               : off >= 0 ? off
               : (fcntl(h, F_GETFL) & O_APPEND) ? (long long)st.st_size
                                                : (long long)lseek(h, 0, SEEK_CUR);
  long long end, grow;
  size_t room = c->disk_used < c->disk_quota ? c->disk_quota - c->disk_used : 0;
  if (at < 0) /* an error the call itself will report */
    return (long)len;
  if (__builtin_add_overflow(at, (long long)len, &end))
    end = LLONG_MAX; /* past any quota */
  grow = end - st.st_size;
  if (grow <= 0 || (unsigned long long)grow <= room)
    return (long)len;
  long long fit = (long long)len - (grow - (long long)room);
  if (fit > 0 && off != -2)
    return (long)fit;
  op->held = 0;
  pthread_mutex_unlock(&c->disk_lock);
  return -ENOSPC;
}

static void disk_done(struct cvm *c, int h, struct disk_op *op) {
  struct stat st;
  if (!op->held)
    return;
  if (fstat(h, &st) == 0)
    disk_charge(c, (long long)st.st_size - op->size);
  pthread_mutex_unlock(&c->disk_lock);
}

/* Before unlinking `name` in directory p (or rmdir): the bytes its removal
 * gives back, 0 when it frees nothing (another link holds the file). */
static long long disk_freed(struct cvm *c, int p, const char *name) {
  struct stat st;
  if (!c->disk_quota || fstatat(p, name, &st, AT_SYMLINK_NOFOLLOW))
    return 0;
  if (S_ISREG(st.st_mode) && st.st_nlink > 1)
    return 0;
  return DISK_NAME_BYTES + (S_ISREG(st.st_mode) ? st.st_size : 0);
}

void fs_free(struct cvm *c) {
  for (size_t i = 0; i < CVM_MAX_FDS / CVM_FD_CHUNK; i++) {
    struct fd_entry *chunk = c->fdt[i];
    for (int k = 0; chunk && k < CVM_FD_CHUNK; k++) {
      if (chunk[k].host >= 0)
        close(chunk[k].host);
      free(chunk[k].path);
    }
    free(chunk);
    c->fdt[i] = NULL;
  }
  free(c->cwd);
  c->cwd = NULL;
}

/* Lexical normalisation of an absolute path, in place: "." and ".."
 * folded, repeated slashes merged, so a cwd stays a plain path inside the
 * root. The result is never longer than the input. Every path here is
 * absolute (absolute() makes it so); anything else is left alone. */
static void normalise(char *path) {
  if (path[0] != '/')
    return;
  size_t n = 0; /* length of the result so far, at the front of path */
  for (char *p = path; *p;) {
    while (*p == '/')
      p++;
    char *end = p;
    while (*end && *end != '/')
      end++;
    size_t len = (size_t)(end - p);
    if (len == 2 && p[0] == '.' && p[1] == '.') {
      while (n && path[n - 1] != '/')
        n--;
      if (n)
        n--;
    } else if (len && !(len == 1 && p[0] == '.')) {
      path[n++] = '/'; /* n < p - path: at least one slash was read */
      memmove(path + n, p, len);
      n += len;
    }
    p = end;
  }
  if (!n)
    path[n++] = '/';
  path[n] = 0;
}

/* The absolute path, inside the root, that (dirfd, path) names, in a new
 * PATH_LEN buffer (*out, freed by the caller). Every path hostcall comes
 * here; an empty path is -ENOENT, as Linux answers it (the calls that
 * take AT_EMPTY_PATH check for it before). */
static long absolute(struct cvm *c, long dirfd, uint64_t upath, char **out) {
  char *path = malloc(PATH_LEN), *abs = malloc(PATH_LEN);
  long r = path && abs ? guest_strcpy(c, path, upath, PATH_LEN) : -ENOMEM;
  if (!r && !path[0])
    r = -ENOENT; /* Linux: an empty path names nothing (not the cwd) */
  if (!r && path[0] == '/') {
    memcpy(abs, path, strlen(path) + 1);
  } else if (!r) {
    pthread_mutex_lock(&c->lock); /* chdir and close replace these */
    const char *base = c->cwd;
    if (dirfd != AT_FDCWD) {
      struct fd_entry *e = fd_entry(c, dirfd);
      base = e && e->host >= 0 ? e->path : NULL;
      r = !e || e->host < 0 ? -EBADF : !base ? -ENOTDIR : 0;
    }
    if (!r && (size_t)snprintf(abs, PATH_LEN, "%s/%s", base, path) >= PATH_LEN)
      r = -ENAMETOOLONG;
    pthread_mutex_unlock(&c->lock);
  }
  free(path);
  if (r)
    free(abs), abs = NULL;
  *out = abs;
  return r;
}

long root_open_path(int rootfd, const char *path, long flags, long mode) {
  struct open_how how = {.flags = (uint64_t)flags | O_CLOEXEC,
                         .mode = (flags & (O_CREAT | O_TMPFILE)) ? (uint64_t)mode : 0,
                         .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
  long fd = syscall(SYS_openat2, rootfd, path, &how, sizeof how);
  return fd < 0 ? -errno : fd;
}

static long open_in_root(struct cvm *c, const char *abs, long flags, long mode) {
  return root_open_path(c->rootfd, abs, flags, mode);
}

/* The parent directory of (dirfd, path), opened O_PATH inside the root;
 * *name is its last component, in a buffer the caller frees. */
static long open_parent(struct cvm *c, long dirfd, uint64_t upath,
                        char **name) {
  char *abs;
  long r = absolute(c, dirfd, upath, &abs);
  *name = abs;
  if (r)
    return r;
  size_t n = strlen(abs);
  while (n > 1 && abs[n - 1] == '/')
    abs[--n] = 0;
  char *slash = strrchr(abs, '/');
  const char *last = slash + 1;
  if (!*last || !strcmp(last, ".") || !strcmp(last, ".."))
    return -EINVAL;
  *slash = 0; /* abs is the parent now ("" for the root) */
  r = open_in_root(c, *abs ? abs : "/", O_PATH | O_DIRECTORY, 0);
  memmove(abs, last, strlen(last) + 1); /* the name, at the front */
  return r;
}

static long do_open(struct cvm *c, long dirfd, uint64_t upath, long flags,
                    long mode) {
  char *abs;
  long r = absolute(c, dirfd, upath, &abs);
  if (r)
    return r;
  /* The disk quota: a new file costs a name, truncating gives bytes back. */
  long made = 0;
  long long gone = 0;
  if (c->disk_quota && (flags & (O_CREAT | O_TRUNC))) {
    struct stat st;
    long p = open_in_root(c, abs, O_PATH, 0);
    if (p == -ENOENT && (flags & O_CREAT))
      made = DISK_NAME_BYTES;
    else if (p >= 0 && (flags & O_TRUNC) && !fstat((int)p, &st) &&
             S_ISREG(st.st_mode) && st.st_nlink == 1)
      gone = st.st_size;
    if (p >= 0)
      close((int)p);
    if (made && disk_take(c, (size_t)made)) {
      free(abs);
      return -ENOSPC;
    }
  }
  long h = open_in_root(c, abs, flags, mode);
  if (h < 0 ? made : gone)
    disk_give(c, h < 0 ? made : gone);
  if (h < 0) {
    free(abs);
    return h;
  }
  struct stat st;
  int dir = fstat((int)h, &st) == 0 && S_ISDIR(st.st_mode);
  long fd = fd_alloc(c, (int)h, 0);
  if (fd >= 0 && dir) {
    normalise(abs);
    char *path = strdup(abs);
    pthread_mutex_lock(&c->lock);
    struct fd_entry *e = fd_entry(c, fd);
    if (e->host == h && !e->path)
      e->path = path, path = NULL;
    pthread_mutex_unlock(&c->lock);
    free(path);
  }
  free(abs);
  return fd;
}

/* (dirfd, path) opened O_PATH inside the root, following a final symlink
 * unless AT_SYMLINK_NOFOLLOW. */
static long open_path(struct cvm *c, long dirfd, uint64_t upath, long flags) {
  char *abs;
  long r = absolute(c, dirfd, upath, &abs);
  if (!r)
    r = open_in_root(c, abs,
                     O_PATH | ((flags & AT_SYMLINK_NOFOLLOW) ? O_NOFOLLOW : 0), 0);
  free(abs);
  return r;
}

/* 1 if the cVM's string at upath is "" (AT_EMPTY_PATH: the call acts on
 * dirfd itself). */
static int empty_path(struct cvm *c, uint64_t upath) {
  char first;
  return guest_strcpy(c, &first, upath, 1) == 0;
}

/* AT_EMPTY_PATH with AT_FDCWD: the cwd itself, opened O_PATH. */
static long open_cwd(struct cvm *c) {
  char *cwd = malloc(PATH_LEN);
  if (!cwd)
    return -ENOMEM;
  pthread_mutex_lock(&c->lock); /* chdir replaces it */
  snprintf(cwd, PATH_LEN, "%s", c->cwd);
  pthread_mutex_unlock(&c->lock);
  long h = open_in_root(c, cwd, O_PATH | O_DIRECTORY, 0);
  free(cwd);
  return h;
}

/* fstat of a host fd into the cVM's stat buffer. */
static long stat_out(struct cvm *c, int h, uint64_t ust) {
  struct stat st;
  if (h < 0)
    return h;
  return fstat(h, &st) ? -errno : guest_write(c, ust, &st, sizeof st);
}

/* The host fd a stat or access acts on: with AT_EMPTY_PATH and "", dirfd
 * itself (*owned 0: the cVM's fd, not closed here) or the cwd; else the
 * path, opened O_PATH. Negative: the error. */
static long path_fd(struct cvm *c, long dirfd, uint64_t upath, long flags,
                    int *owned) {
  *owned = 1;
  if (!(flags & AT_EMPTY_PATH) || !empty_path(c, upath))
    return open_path(c, dirfd, upath, flags);
  if (dirfd == AT_FDCWD)
    return open_cwd(c);
  *owned = 0;
  return fd_host(c, dirfd);
}

static long do_stat(struct cvm *c, long dirfd, uint64_t upath, uint64_t ust,
                    long flags) {
  int owned;
  long h = path_fd(c, dirfd, upath, flags, &owned);
  long r = stat_out(c, (int)h, ust);
  if (owned && h >= 0)
    close((int)h);
  return r;
}

static long do_access(struct cvm *c, long dirfd, uint64_t upath, long mode,
                      long flags) {
  int owned;
  long h = path_fd(c, dirfd, upath, flags, &owned);
  if (h < 0)
    return h;
  long r = syscall(SYS_faccessat2, (int)h, "", (int)mode,
                   AT_EMPTY_PATH | (flags & AT_EACCESS));
  r = r < 0 ? -errno : 0;
  if (owned)
    close((int)h);
  return r;
}

/* mkdir, unlink, rmdir, readlink: on the last component of a path. */
static long do_name_op(struct cvm *c, long nr, long dirfd, uint64_t upath,
                       const uint64_t *a) {
  char *name;
  long p = open_parent(c, dirfd, upath, &name);
  if (p < 0) {
    free(name);
    return p;
  }
  long r;
  long long freed;
  switch (nr) {
  case SYS_mkdirat:
    if ((r = c->disk_quota ? disk_take(c, DISK_NAME_BYTES) : 0))
      break;
    r = mkdirat((int)p, name, (mode_t)a[0]);
    if (r && c->disk_quota)
      disk_give(c, DISK_NAME_BYTES);
    break;
  case SYS_unlinkat:
    freed = disk_freed(c, (int)p, name);
    r = unlinkat((int)p, name, (int)a[0] & AT_REMOVEDIR);
    if (!r && freed)
      disk_give(c, freed);
    break;
  default: { /* SYS_readlinkat: the kernel writes the cVM's buffer */
    char *buf = guest_buf(c, a[0], a[1], 1);
    errno = EFAULT;
    r = buf ? readlinkat((int)p, name, buf, a[1]) : -1;
    break;
  }
  }
  r = r == -ENOSPC ? r : r < 0 ? -errno : r;
  close((int)p);
  free(name);
  return r;
}

static long do_rename(struct cvm *c, long ofd, uint64_t old, long nfd,
                      uint64_t new, long flags) {
  char *oname, *nname = NULL;
  long r, op = open_parent(c, ofd, old, &oname), np = -1;
  if (op >= 0)
    np = open_parent(c, nfd, new, &nname);
  if (op < 0 || np < 0)
    r = op < 0 ? op : np;
  else
    r = syscall(SYS_renameat2, (int)op, oname, (int)np, nname, (int)flags) < 0
            ? -errno : 0;
  if (op >= 0)
    close((int)op);
  if (np >= 0)
    close((int)np);
  free(oname);
  free(nname);
  return r;
}

/* The link's text is stored as given: it is resolved later, inside the
 * root like every path, so it cannot point out of it. */
static long do_symlink(struct cvm *c, uint64_t utarget, long dirfd,
                       uint64_t upath) {
  char *target = malloc(PATH_LEN), *name = NULL;
  long r = target ? guest_strcpy(c, target, utarget, PATH_LEN) : -ENOMEM;
  if (!r && !target[0])
    r = -ENOENT; /* Linux: a link to "" is refused */
  long p = r ? r : open_parent(c, dirfd, upath, &name);
  if (p >= 0) {
    r = c->disk_quota ? disk_take(c, DISK_NAME_BYTES) : 0;
    if (!r && symlinkat(target, (int)p, name)) {
      r = -errno;
      if (c->disk_quota)
        disk_give(c, DISK_NAME_BYTES);
    }
    close((int)p);
  }
  free(target);
  free(name);
  return p < 0 ? p : r;
}

/* chdir(upath), or fchdir(dirfd) if dirfd >= 0. */
static long do_chdir(struct cvm *c, long dirfd, uint64_t upath) {
  char *abs = NULL;
  long r = 0;
  if (dirfd >= 0) {
    pthread_mutex_lock(&c->lock);
    struct fd_entry *e = fd_entry(c, dirfd);
    if (!e || e->host < 0)
      r = -EBADF;
    else if (!e->path)
      r = -ENOTDIR;
    else if (!(abs = strdup(e->path)))
      r = -ENOMEM;
    pthread_mutex_unlock(&c->lock);
  } else if (!(r = absolute(c, AT_FDCWD, upath, &abs))) {
    long h = open_in_root(c, abs, O_PATH | O_DIRECTORY, 0);
    if (h < 0)
      r = h;
    else
      close((int)h);
    normalise(abs);
  }
  char *cwd = r ? NULL : strdup(abs);
  free(abs);
  if (r || !cwd)
    return r ? r : -ENOMEM;
  pthread_mutex_lock(&c->lock);
  char *old = c->cwd;
  c->cwd = cwd;
  pthread_mutex_unlock(&c->lock);
  free(old);
  return 0;
}

/* A cVM's iovec array, copied in (another cVM thread may change it after
 * the check; the kernel reads the copy) and every buffer checked and made
 * a host address. Small arrays (musl's stdio uses two) go in `small`, on
 * the stack; *out is freed by the caller unless it is `small`. */
long iov_copy(struct cvm *c, uint64_t uiov, size_t cnt, int write,
              struct iovec *small, struct iovec **out) {
  struct iovec *iov = cnt <= IOV_SMALL ? small : malloc(cnt * sizeof *iov);
  if (!iov)
    return -ENOMEM;
  long r = guest_read(c, iov, uiov, cnt * sizeof *iov);
  for (size_t i = 0; !r && i < cnt; i++)
    if (!(iov[i].iov_base = guest_buf(c, (uint64_t)(uintptr_t)iov[i].iov_base,
                                      iov[i].iov_len, write)) && iov[i].iov_len)
      r = -EFAULT;
  if (r && iov != small)
    free(iov);
  *out = r ? NULL : iov;
  return r;
}

/* readv/writev and friends: the iovec array copied, every buffer checked;
 * writes cut to what fits in the disk quota. */
static long do_iov(struct cvm *c, long nr, long fd, int h, uint64_t uiov,
                   long cnt, long off) {
  if (cnt < 0 || cnt > IOV_MAX)
    return -EINVAL;
  struct iovec small[IOV_SMALL], *iov;
  long r = iov_copy(c, uiov, (size_t)cnt, nr == SYS_readv || nr == SYS_preadv,
                    small, &iov);
  if (r)
    return r;
  struct disk_op op = {0};
  if (nr == SYS_writev || nr == SYS_pwritev) {
    size_t len = 0;
    for (long i = 0; i < cnt; i++)
      len += iov[i].iov_len;
    long fit = disk_begin(c, fd, h, len, nr == SYS_pwritev ? off : -1, &op);
    for (long i = 0, left = fit; fit >= 0 && i < cnt; i++) {
      if ((size_t)left < iov[i].iov_len)
        iov[i].iov_len = (size_t)left;
      left -= (long)iov[i].iov_len;
    }
    if (fit < 0)
      r = fit;
  }
  switch (r ? -1 : nr) {
  case -1: break;
  case SYS_readv: r = readv(h, iov, (int)cnt); break;
  case SYS_writev: r = writev(h, iov, (int)cnt); break;
  case SYS_preadv: r = preadv(h, iov, (int)cnt, off); break;
  default: r = pwritev(h, iov, (int)cnt, off); break;
  }
  r = r < 0 && r != -ENOSPC ? -errno : r;
  disk_done(c, h, &op);
  if (iov != small)
    free(iov);
  return r;
}

/* write, pwrite64 and ftruncate (len the new size, off -2), under the
 * disk quota. */
/* write, pwrite64 (buf: the cVM's buffer, checked) and ftruncate, cut to
 * what fits in the disk quota. */
static long do_grow(struct cvm *c, long nr, long fd, int h, const uint64_t *a,
                    const void *buf) {
  struct disk_op op;
  long r, n = disk_begin(c, fd, h, nr == SYS_ftruncate ? a[1] : a[2],
                         nr == SYS_write ? -1 : nr == SYS_pwrite64 ? (long)a[3] : -2,
                         &op);
  if (n < 0)
    return n;
  if (nr == SYS_ftruncate)
    r = ftruncate(h, (off_t)a[1]);
  else if (nr == SYS_write)
    r = write(h, buf, (size_t)n);
  else
    r = pwrite(h, buf, (size_t)n, (off_t)a[3]);
  r = r < 0 ? -errno : r;
  disk_done(c, h, &op);
  return r;
}

static long do_dup(struct cvm *c, long nr, const uint64_t *a) {
  int h = fd_host(c, (long)a[0]);
  if (h < 0)
    return h;
  if (nr == SYS_dup)
    return fd_dup(c, (long)a[0], fcntl(h, F_DUPFD_CLOEXEC, 0), 0);
  long to = (long)a[1];
  if (to < 0 || to >= CVM_MAX_FDS)
    return -EBADF;
  if (to == (long)a[0])
    return nr == SYS_dup3 ? -EINVAL : to;
  int nh = fcntl(h, F_DUPFD_CLOEXEC, 0);
  if (nh < 0)
    return -errno;
  pthread_mutex_lock(&c->lock);
  if (to >= cvm_max_fds(c)) { /* RLIMIT_NOFILE: Linux answers EBADF */
    pthread_mutex_unlock(&c->lock);
    close(nh);
    return -EBADF;
  }
  struct fd_entry *from = fd_entry(c, (long)a[0]), *e = fd_entry_new(c, to);
  if (!e) {
    pthread_mutex_unlock(&c->lock);
    close(nh);
    return -ENOMEM;
  }
  if (e->host < 0 && !fd_room(c)) {
    pthread_mutex_unlock(&c->lock);
    close(nh);
    return -EMFILE;
  }
  if (e->host >= 0)
    close(e->host);
  else
    c->fd_used++;
  free(e->path);
  e->host = nh;
  e->path = from && from->path ? strdup(from->path) : NULL;
  e->given = from && from->given;
  pthread_mutex_unlock(&c->lock);
  return to;
}

static long do_fcntl(struct cvm *c, int h, const uint64_t *a) {
  long r;
  switch ((int)a[1]) {
  case F_DUPFD:
  case F_DUPFD_CLOEXEC:
    pthread_mutex_lock(&c->lock);
    r = (long)a[2] < 0 || (long)a[2] >= cvm_max_fds(c); /* RLIMIT_NOFILE */
    pthread_mutex_unlock(&c->lock);
    if (r)
      return -EINVAL;
    r = fcntl(h, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? -errno : fd_dup(c, (long)a[0], (int)r, (int)a[2]);
  case F_GETFD: case F_SETFD: case F_GETFL: case F_SETFL:
    r = fcntl(h, (int)a[1], (long)a[2]);
    return r < 0 ? -errno : r;
  case F_GETLK: case F_SETLK: case F_SETLKW:
  case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW: {
    /* Process-associated locks would be the monitor's, shared by every
     * cVM: use open-file-description locks, which cVMs hold apart. */
    struct flock fl;
    if (guest_read(c, &fl, a[2], sizeof fl))
      return -EFAULT;
    int cmd = (int)a[1];
    cmd = cmd == F_GETLK ? F_OFD_GETLK : cmd == F_SETLK ? F_OFD_SETLK
        : cmd == F_SETLKW ? F_OFD_SETLKW : cmd;
    fl.l_pid = 0;
    r = fcntl(h, cmd, &fl);
    if (r < 0)
      return -errno;
    if (cmd == F_OFD_GETLK && fl.l_type != F_UNLCK)
      fl.l_pid = -1; /* held by another open file, maybe another cVM */
    return guest_write(c, a[2], &fl, sizeof fl) ? -EFAULT : r;
  }
  }
  return -EINVAL;
}

static long do_close(struct cvm *c, long fd) {
  pthread_mutex_lock(&c->lock);
  struct fd_entry *e = fd_entry(c, fd);
  int h = e ? e->host : -1;
  if (h >= 0) {
    e->host = -1;
    free(e->path);
    e->path = NULL;
    c->fd_used--;
  }
  pthread_mutex_unlock(&c->lock);
  return h < 0 ? -EBADF : (close(h) ? -errno : 0);
}

static long do_pipe(struct cvm *c, uint64_t ufds, long flags) {
  int p[2];
  if (!guest_buf(c, ufds, sizeof p, 1))
    return -EFAULT; /* before the pipe is made; guest_write checks again */
  if (pipe2(p, (int)(flags | O_CLOEXEC)))
    return -errno;
  int a = fd_alloc(c, p[0], 0);
  if (a < 0) {
    close(p[1]);
    return a;
  }
  int b = fd_alloc(c, p[1], 0);
  if (b < 0) {
    do_close(c, a);
    return b;
  }
  int fds[2] = {a, b};
  if (guest_write(c, ufds, fds, sizeof fds)) {
    do_close(c, a);
    do_close(c, b);
    return -EFAULT;
  }
  return 0;
}



/* Calls that take an fd. Data buffers are the kernel's to fill or read
 * (guest_buf); structures the monitor copies out. */
static long do_fd_io(struct cvm *c, long nr, const uint64_t *a) {
  int h = fd_host(c, (long)a[0]);
  if (h < 0)
    return h;
  int in = nr == SYS_read || nr == SYS_pread64 || nr == SYS_getdents64;
  void *buf = NULL;
  if (in || nr == SYS_write || nr == SYS_pwrite64)
    if (!(buf = guest_buf(c, a[1], a[2], in)) && a[2])
      return -EFAULT;
  long r;
  struct winsize ws;
  switch (nr) {
  case SYS_read: r = read(h, buf, a[2]); break;
  case SYS_write: return do_grow(c, nr, (long)a[0], h, a, buf);
  case SYS_pread64: r = pread(h, buf, a[2], (off_t)a[3]); break;
  case SYS_pwrite64: return do_grow(c, nr, (long)a[0], h, a, buf);
  case SYS_getdents64: r = syscall(SYS_getdents64, h, buf, a[2]); break;
  case SYS_readv: case SYS_writev: case SYS_preadv: case SYS_pwritev:
    return do_iov(c, nr, (long)a[0], h, a[1], (long)a[2], (long)a[3]);
  case SYS_lseek: r = lseek(h, (off_t)a[1], (int)a[2]); break;
  case SYS_fstat: return stat_out(c, h, a[1]);
  case SYS_ftruncate: return do_grow(c, nr, (long)a[0], h, a, NULL);
  case SYS_fsync: r = fsync(h); break;
  case SYS_fdatasync: r = fdatasync(h); break;
  case SYS_fcntl: return do_fcntl(c, h, a);
  case SYS_ioctl: /* the terminal's size and nothing else */
    if (a[1] != TIOCGWINSZ)
      return -ENOTTY;
    if (ioctl(h, TIOCGWINSZ, &ws))
      return -errno;
    return guest_write(c, a[2], &ws, sizeof ws);
  default: return -ENOSYS;
  }
  return r < 0 ? -errno : r;
}

/* The cwd copied under the lock (chdir replaces it), written to the cVM
 * after: never cVM memory with the lock held. */
static long do_getcwd(struct cvm *c, uint64_t ubuf, size_t size) {
  char *cwd = malloc(PATH_LEN);
  if (!cwd)
    return -ENOMEM;
  pthread_mutex_lock(&c->lock);
  size_t n = strlen(c->cwd) + 1;
  if (n <= PATH_LEN)
    memcpy(cwd, c->cwd, n);
  pthread_mutex_unlock(&c->lock);
  if (n > PATH_LEN)
    size = 0; /* only a configured cwd can be that long */
  long r = size < n ? -ERANGE : guest_write(c, ubuf, cwd, n) ? -EFAULT : (long)n;
  free(cwd);
  return r;
}

long fs_hostcall(struct cvm_thread *t, long nr, const uint64_t *a,
                 int *handled) {
  struct cvm *c = t->cvm;
  *handled = 1;
  switch (nr) {
  case SYS_read: case SYS_write: case SYS_pread64: case SYS_pwrite64:
  case SYS_readv: case SYS_writev: case SYS_preadv: case SYS_pwritev:
  case SYS_lseek: case SYS_fstat: case SYS_ftruncate: case SYS_fsync:
  case SYS_fdatasync: case SYS_getdents64: case SYS_fcntl: case SYS_ioctl:
    return do_fd_io(c, nr, a);
  case SYS_open: return do_open(c, AT_FDCWD, a[0], (long)a[1], (long)a[2]);
  case SYS_openat: return do_open(c, (long)a[0], a[1], (long)a[2], (long)a[3]);
  case SYS_close: return do_close(c, (long)a[0]);
  case SYS_stat: return do_stat(c, AT_FDCWD, a[0], a[1], 0);
  case SYS_lstat: return do_stat(c, AT_FDCWD, a[0], a[1], AT_SYMLINK_NOFOLLOW);
  case SYS_newfstatat: return do_stat(c, (long)a[0], a[1], a[2], (long)a[3]);
  case SYS_access: return do_access(c, AT_FDCWD, a[0], (long)a[1], 0);
  case SYS_faccessat: return do_access(c, (long)a[0], a[1], (long)a[2], 0);
  case SYS_faccessat2: return do_access(c, (long)a[0], a[1], (long)a[2], (long)a[3]);
  case SYS_mkdir: { uint64_t m[1] = {a[1]}; return do_name_op(c, SYS_mkdirat, AT_FDCWD, a[0], m); }
  case SYS_mkdirat: return do_name_op(c, SYS_mkdirat, (long)a[0], a[1], a + 2);
  case SYS_unlink: { uint64_t f[1] = {0}; return do_name_op(c, SYS_unlinkat, AT_FDCWD, a[0], f); }
  case SYS_rmdir: { uint64_t f[1] = {AT_REMOVEDIR}; return do_name_op(c, SYS_unlinkat, AT_FDCWD, a[0], f); }
  case SYS_unlinkat: return do_name_op(c, SYS_unlinkat, (long)a[0], a[1], a + 2);
  case SYS_readlink: return do_name_op(c, SYS_readlinkat, AT_FDCWD, a[0], a + 1);
  case SYS_readlinkat: return do_name_op(c, SYS_readlinkat, (long)a[0], a[1], a + 2);
  case SYS_symlink: return do_symlink(c, a[0], AT_FDCWD, a[1]);
  case SYS_symlinkat: return do_symlink(c, a[0], (long)a[1], a[2]);
  case SYS_rename: return do_rename(c, AT_FDCWD, a[0], AT_FDCWD, a[1], 0);
  case SYS_renameat: return do_rename(c, (long)a[0], a[1], (long)a[2], a[3], 0);
  case SYS_renameat2: return do_rename(c, (long)a[0], a[1], (long)a[2], a[3], (long)a[4]);
  case SYS_dup: case SYS_dup2: case SYS_dup3: return do_dup(c, nr, a);
  case SYS_pipe: return do_pipe(c, a[0], 0);
  case SYS_pipe2: return do_pipe(c, a[0], (long)a[1] & (O_NONBLOCK));
  case SYS_chdir: return do_chdir(c, -1, a[0]);
  case SYS_fchdir: return do_chdir(c, (long)a[0], 0);
  case SYS_getcwd: return do_getcwd(c, a[0], a[1]);
  }
  *handled = 0;
  return 0;
}

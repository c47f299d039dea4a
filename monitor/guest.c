/* Guest memory: the one way the monitor reads or writes cVM memory
 * (contract in monitor.h).
 *
 * Two steps, as Linux's copy_to_user/copy_from_user do them. The check
 * (guest_ok) says whether the cVM itself may access the range: its
 * region's pages as the page map records their protection, and, for
 * reading, the objects it links; never monitor memory. The copy
 * (copy_raw) is one `rep movsb` whose fault has a fixup: if the pages
 * changed since the check (another thread of the cVM unmapped or
 * protected them, a shared file mapping lost its file's pages), fault.c's
 * handler asks guest_fault, which moves the faulting thread to the fixup,
 * and the copy returns what it did not copy. No lock is held, so nothing
 * stays locked; the hostcall answers -EFAULT, as Linux would. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <string.h>
#include <ucontext.h>

/* A pointer as the hardware reads it in SFI cVM code (DESIGN.md section
 * 10, docs/sfi.md): W + its low 32 bits, whatever the upper half holds.
 * What the cVM sees in its shared view (W + 2 GiB + x) is answered with
 * the code zone's address of the same bytes (2 GiB + x), so that the
 * monitor never touches the view (its page tables are the cVM's cost,
 * docs/density.md); guest_ok then allows it only for reading, inside the
 * objects the cVM links. NULL stays NULL. */
void *guest_host(const struct cvm *c, uint64_t p) {
  uint32_t off = (uint32_t)p;
  if (!p)
    return NULL;
  return off >= WINDOW_VIEW ? (void *)(uintptr_t)off : c->window + off;
}

static int guest_ok(const struct cvm *c, const void *p, size_t len, int write) {
  if (!len)
    return 1;
  if ((uintptr_t)p + len < (uintptr_t)p)
    return 0;
  return region_allows(&c->mem, p, len, write) ||
         (!write && orc_link_contains(c->link, p, len));
}

/* copy_raw(dst, src, n): bytes NOT copied (0 on success). A fault at
 * guest_copy_insn resumes at guest_copy_fixup with %rcx the bytes left. */
size_t copy_raw(void *dst, const void *src, size_t n);
extern const char guest_copy_insn[], guest_copy_fixup[];
__asm__(".text\n"
        ".type copy_raw,@function\n"
        "copy_raw:\n"
        "  mov %rdx, %rcx\n"
        "guest_copy_insn:\n"
        "  rep movsb\n"
        "  xor %eax, %eax\n"
        "  ret\n"
        "guest_copy_fixup:\n"
        "  mov %rcx, %rax\n"
        "  ret\n"
        ".size copy_raw, .-copy_raw\n");

/* cas_raw(p, old, new, seen): one `lock cmpxchg` of a 32-bit word; the
 * value it found goes to *seen; 0, or 1 if the word faulted (the fault
 * at guest_cas_insn resumes at guest_cas_fixup). */
int cas_raw(uint32_t *p, uint32_t old, uint32_t new, uint32_t *seen);
extern const char guest_cas_insn[], guest_cas_fixup[];
__asm__(".text\n"
        ".type cas_raw,@function\n"
        "cas_raw:\n"
        "  mov %esi, %eax\n"
        "guest_cas_insn:\n"
        "  lock cmpxchg %edx, (%rdi)\n"
        "  mov %eax, (%rcx)\n"
        "  xor %eax, %eax\n"
        "  ret\n"
        "guest_cas_fixup:\n"
        "  mov $1, %eax\n"
        "  ret\n"
        ".size cas_raw, .-cas_raw\n");

/* Runs in the fault handler, before anything else: no stack protector,
 * no sanitizer, no libc. Only a fault of the copy instruction on the
 * cVM's own memory is recovered: one on the monitor's side of the copy is
 * a monitor bug and stays fatal. */
__attribute__((no_stack_protector, no_sanitize("address"))) int
guest_fault(struct cvm_thread *t, void *ucv, void *addr) {
  ucontext_t *uc = ucv;
  struct cvm *c = t->cvm;
  greg_t rip = uc->uc_mcontext.gregs[REG_RIP];
  int cas = rip == (greg_t)(uintptr_t)guest_cas_insn;
  if (!t->in_monitor || (rip != (greg_t)(uintptr_t)guest_copy_insn && !cas))
    return 0;
  char *a = addr;
  if (!(a >= c->mem.base && a < c->mem.base + c->mem.size) &&
      !orc_link_contains(c->link, a, 1))
    return 0;
  uc->uc_mcontext.gregs[REG_RIP] =
      (greg_t)(uintptr_t)(cas ? guest_cas_fixup : guest_copy_fixup);
  return 1;
}

void *guest_buf(struct cvm *c, uint64_t p, size_t len, int write) {
  void *h = guest_host(c, p);
  return guest_ok(c, h, len, write) ? h : NULL;
}

long guest_read(struct cvm *c, void *dst, uint64_t src, size_t len) {
  const void *h = guest_host(c, src);
  if (!guest_ok(c, h, len, 0))
    return -EFAULT;
  return copy_raw(dst, h, len) ? -EFAULT : 0;
}

long guest_write(struct cvm *c, uint64_t dst, const void *src, size_t len) {
  void *h = guest_host(c, dst);
  if (!guest_ok(c, h, len, 1))
    return -EFAULT;
  return copy_raw(h, src, len) ? -EFAULT : 0;
}

/* The rest of a page at a time: the bytes after the NUL on that page are
 * read too, which is harmless when the cVM may read them all. Where it may
 * not (a string at the end of an object's segment), a byte at a time. */
long guest_strcpy(struct cvm *c, char *dst, uint64_t src, size_t max) {
  for (size_t i = 0; i < max;) {
    size_t n = 4096 - (size_t)((src + i) % 4096);
    if (n > max - i)
      n = max - i;
    long r = guest_read(c, dst + i, src + i, n);
    if (r && n > 1)
      r = guest_read(c, dst + i, src + i, n = 1);
    if (r)
      return r;
    if (memchr(dst + i, 0, n))
      return 0;
    i += n;
  }
  return -ENAMETOOLONG;
}

long guest_cas(struct cvm *c, uint64_t p, uint32_t old, uint32_t new,
               uint32_t *seen) {
  void *h = guest_host(c, p);
  if (((uintptr_t)h & 3) || !guest_ok(c, h, 4, 1))
    return -EFAULT;
  return cas_raw(h, old, new, seen) ? -EFAULT : 0;
}

/* libFuzzer target: orc_elf_parse() on arbitrary bytes. It must return a
 * status, never crash, read outside the input, leak or hang (the
 * sanitizers and libFuzzer watch for that); a success is freed with
 * orc_elf_free(). Built with the loader's sources under
 * -fsanitize=fuzzer-no-link,address,undefined (orc_loader_fuzz).
 *
 * An accepted object must also satisfy what the rest of the loader takes
 * for granted without checking again (map.c writes relocations and the
 * slot cell into the mapping, instance.c writes state relocations into
 * instances of tmpl_size bytes, tls.c adds up TLS block sizes): a
 * violation aborts, so the fuzzer reports it as a crash. */
#include "orc_loader.h"

#include <elf.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define PAGE 4096u
#define USER_LIMIT ((uint64_t)1 << 47)

static void violated(const char *what) {
  fprintf(stderr, "fuzz_elf: accepted object violates: %s\n", what);
  abort();
}
#define REQUIRE(cond)                                                          \
  do {                                                                         \
    if (!(cond))                                                               \
      violated(#cond);                                                         \
  } while (0)

static uint64_t page_up(uint64_t v) { return (v + PAGE - 1) & ~(uint64_t)(PAGE - 1); }

/* [vaddr, vaddr+size) inside one segment's memory (file bytes if file). */
static const struct orc_segment *inside(const struct orc_elf *e, uint64_t vaddr,
                                        uint64_t size, int file) {
  for (size_t i = 0; i < e->nsegs; i++) {
    const struct orc_segment *s = &e->segs[i];
    uint64_t lim = file ? s->filesz : s->memsz;
    if (vaddr >= s->vaddr && vaddr - s->vaddr <= lim &&
        size <= lim - (vaddr - s->vaddr))
      return s;
  }
  return NULL;
}

static int in_strtab(const struct orc_elf *e, const char *s) {
  return s >= e->strtab && s <= e->strtab + e->strsz;
}

static void check_accepted(const struct orc_elf *e, size_t len) {
  REQUIRE(e->nsegs > 0);
  for (size_t i = 0; i < e->nsegs; i++) {
    const struct orc_segment *s = &e->segs[i];
    REQUIRE(s->filesz <= s->memsz);
    REQUIRE(s->offset <= len && s->filesz <= len - s->offset);
    REQUIRE(s->vaddr < USER_LIMIT && s->memsz <= USER_LIMIT - s->vaddr);
    REQUIRE(!((s->flags & PF_W) && (s->flags & PF_X)));
    if (i)
      REQUIRE(page_up(e->segs[i - 1].vaddr + e->segs[i - 1].memsz) <=
              (s->vaddr & ~(uint64_t)(PAGE - 1)));
  }
  const struct orc_segment *last = &e->segs[e->nsegs - 1];
  REQUIRE(e->span == page_up(last->vaddr + last->memsz));
  REQUIRE(e->format_version == 1);
  uint64_t t0 = e->tmpl_vaddr, t1 = e->tmpl_vaddr + e->tmpl_size;
  if (e->tmpl_size) {
    const struct orc_segment *s = inside(e, t0, e->tmpl_size, 1);
    REQUIRE(s && (s->flags & PF_W) && t0 % PAGE == 0);
  }
  if (e->slot_vaddr) {
    REQUIRE(inside(e, e->slot_vaddr, 8, 0));
    REQUIRE(!e->tmpl_size || e->slot_vaddr + 8 <= t0 ||
            e->slot_vaddr >= page_up(t1));
  }
  for (size_t i = 0; i < e->nrelocs; i++) {
    const struct orc_reloc *r = &e->relocs[i];
    if (r->type == R_X86_64_NONE)
      continue;
    REQUIRE(r->sym < e->nsyms);
    const struct orc_segment *s = inside(e, r->offset, 8, 0);
    REQUIRE(s && (s->flags & PF_W));
    REQUIRE(!e->tmpl_size || r->offset + 8 <= t0 || r->offset >= t1 ||
            (r->offset >= t0 && r->offset + 8 <= t1));
  }
  for (size_t i = 0; i < e->nsyms; i++)
    REQUIRE(in_strtab(e, e->syms[i].name));
  for (size_t i = 0; i < e->nneeded; i++)
    REQUIRE(in_strtab(e, e->needed[i]));
  REQUIRE(e->strtab[e->strsz] == 0);
  if (e->has_tls) {
    REQUIRE(e->tls_filesz <= e->tls_memsz && e->tls_memsz <= USER_LIMIT);
    REQUIRE(e->tls_align && !(e->tls_align & (e->tls_align - 1)) &&
            e->tls_align <= PAGE);
    REQUIRE(inside(e, e->tls_vaddr, e->tls_filesz, 1));
  }
  if (e->init_count)
    REQUIRE(e->init_count < USER_LIMIT / 8 &&
            inside(e, e->init_array, 8 * e->init_count, 0));
  if (e->fini_count)
    REQUIRE(e->fini_count < USER_LIMIT / 8 &&
            inside(e, e->fini_array, 8 * e->fini_count, 0));
  if (e->is_program)
    REQUIRE(inside(e, e->entry, 1, 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct orc_elf elf;
  struct orc_error err;
  if (orc_elf_parse(data, size, "fuzz", &elf, &err) == ORC_OK) {
    check_accepted(&elf, size);
    orc_elf_free(&elf);
  }
  return 0;
}

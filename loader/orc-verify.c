/* orc-verify FILE...: checks the executable bytes of ELF files against
 * the SFI contract (docs/sfi.md) with the loader's verifier. For linked
 * objects (ET_DYN, ET_EXEC) each PF_X segment; for relocatable objects
 * (ET_REL) each SHF_EXECINSTR section, as if loaded at 0 (their
 * relocations are not applied, so their direct branches to other sections
 * whose displacement is a relocation are left to the check of the linked
 * object, which the loader makes).
 * Prints one line per file; exits 1 if any file fails. */
#include "orc_verify.h"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check(const char *path, const uint8_t *bytes, size_t len,
                 uint64_t vaddr, const uint64_t *relocs, size_t nrelocs,
                 const char *what) {
  struct orc_verify_error e;
  if (!orc_verify_text(bytes, len, vaddr, relocs, nrelocs, &e))
    return 0;
  fprintf(stderr, "%s: %s: offset 0x%llx (address 0x%llx): `%s`: %s\n", path,
          what, (unsigned long long)e.offset,
          (unsigned long long)(vaddr + e.offset), e.insn, e.rule);
  return 1;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* The sorted offsets of the relocations that apply to section `index`,
 * in *out (malloc'ed); their number, or -1 if they cannot be read. */
static long section_relocs(Elf *elf, size_t index, uint64_t **out) {
  size_t n = 0, cap = 0;
  uint64_t *v = NULL;
  for (Elf_Scn *s = NULL; (s = elf_nextscn(elf, s));) {
    GElf_Shdr sh;
    if (!gelf_getshdr(s, &sh) || (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL) ||
        sh.sh_info != index || !sh.sh_entsize)
      continue;
    Elf_Data *d = elf_getdata(s, NULL);
    if (!d)
      goto bad;
    for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
      GElf_Rela r;
      GElf_Rel rl;
      if (sh.sh_type == SHT_RELA ? !gelf_getrela(d, (int)i, &r)
                                 : !gelf_getrel(d, (int)i, &rl))
        goto bad;
      if (n == cap) {
        uint64_t *w = realloc(v, (cap = cap * 2 + 64) * sizeof *v);
        if (!w)
          goto bad;
        v = w;
      }
      v[n++] = sh.sh_type == SHT_RELA ? r.r_offset : rl.r_offset;
    }
  }
  if (n)
    qsort(v, n, sizeof *v, cmp_u64);
  *out = v;
  return (long)n;
bad:
  free(v);
  return -1;
}

static int verify_file(const char *path, size_t *checked) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    perror(path);
    return 1;
  }
  Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
  GElf_Ehdr eh;
  int bad = 0;
  if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh) ||
      eh.e_machine != EM_X86_64) {
    fprintf(stderr, "%s: not an x86-64 ELF file\n", path);
    bad = 1;
  } else if (eh.e_type == ET_REL) {
    size_t shstrndx;
    elf_getshdrstrndx(elf, &shstrndx);
    for (Elf_Scn *s = NULL; (s = elf_nextscn(elf, s));) {
      GElf_Shdr sh;
      if (!gelf_getshdr(s, &sh) || !(sh.sh_flags & SHF_EXECINSTR) || !sh.sh_size)
        continue;
      Elf_Data *d = elf_getdata(s, NULL);
      const char *name = elf_strptr(elf, shstrndx, sh.sh_name);
      if (!d || d->d_size != sh.sh_size) {
        fprintf(stderr, "%s: section %s: cannot read it\n", path, name);
        bad = 1;
        continue;
      }
      char what[256];
      snprintf(what, sizeof what, "section %s", name ? name : "?");
      uint64_t *relocs = NULL;
      long nrelocs = section_relocs(elf, elf_ndxscn(s), &relocs);
      if (nrelocs < 0) {
        fprintf(stderr, "%s: %s: cannot read its relocations\n", path, what);
        bad = 1;
        continue;
      }
      bad |= check(path, d->d_buf, d->d_size, 0, relocs, (size_t)nrelocs, what);
      free(relocs);
      *checked += d->d_size;
    }
  } else {
    size_t n, size;
    const char *raw = elf_rawfile(elf, &size);
    elf_getphdrnum(elf, &n);
    for (size_t i = 0; i < n; i++) {
      GElf_Phdr ph;
      if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD ||
          !(ph.p_flags & PF_X))
        continue;
      if (ph.p_offset > size || ph.p_filesz > size - ph.p_offset) {
        fprintf(stderr, "%s: program header %zu: past the end of the file\n", path, i);
        bad = 1;
        continue;
      }
      char what[64];
      snprintf(what, sizeof what, "executable segment %zu", i);
      bad |= check(path, (const uint8_t *)raw + ph.p_offset, ph.p_filesz,
                   ph.p_vaddr, NULL, 0, what);
      *checked += ph.p_filesz;
    }
  }
  if (elf)
    elf_end(elf);
  close(fd);
  return bad;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: orc-verify FILE...\n");
    return 2;
  }
  elf_version(EV_CURRENT);
  int bad = 0;
  for (int i = 1; i < argc; i++) {
    size_t checked = 0;
    int b = verify_file(argv[i], &checked);
    if (!b)
      printf("%s: verified (%zu bytes of text)\n", argv[i], checked);
    bad |= b;
  }
  return bad;
}

/* ELF validation: an ORC object is untrusted input.
 *
 * Every header field the loader later relies on is checked here, every
 * addition for overflow, every table against the file's bounds, before
 * anything is mapped. The result, struct orc_elf, owns copies of what the
 * store keeps (symbols, strings, relocations), so the caller's buffer can
 * go once the object is mapped. Messages name the object, the field, the
 * index and the values (Solo5's elf.c is the model). */
#include "internal.h"

#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>

#define USER_LIMIT ((uint64_t)1 << 47)

struct parse {
  const char *name;
  const uint8_t *buf;
  size_t len;
  Elf *elf;
  GElf_Ehdr eh;
  struct orc_elf *out;
  struct orc_error *err;
  uint64_t dyn_off, dyn_size;
  uint64_t dynsym_addr, dynsym_off, dynsym_size;
};

#define FAIL(p, code, ...) orc_fail((p)->err, (code), __VA_ARGS__)

static int range_ok(uint64_t off, uint64_t size, uint64_t limit) {
  uint64_t end;
  return !__builtin_add_overflow(off, size, &end) && end <= limit;
}

static const struct orc_segment *segment_at(const struct orc_elf *e,
                                            uint64_t vaddr, uint64_t size) {
  for (size_t i = 0; i < e->nsegs; i++) {
    const struct orc_segment *s = &e->segs[i];
    if (vaddr >= s->vaddr && range_ok(vaddr - s->vaddr, size, s->memsz))
      return s;
  }
  return NULL;
}

/* File offset of [vaddr, vaddr+size), which must be backed by file bytes. */
static int file_offset(const struct orc_elf *e, uint64_t vaddr, uint64_t size,
                       uint64_t *off) {
  const struct orc_segment *s = segment_at(e, vaddr, size);
  if (!s || !range_ok(vaddr - s->vaddr, size, s->filesz))
    return 0;
  *off = s->offset + (vaddr - s->vaddr);
  return 1;
}

static enum orc_status check_header(struct parse *p) {
  if (p->len < sizeof(Elf64_Ehdr))
    return FAIL(p, ORC_ERR_ELF_HEADER,
                "%s: file is %zu bytes, shorter than an ELF header (%zu)",
                p->name, p->len, sizeof(Elf64_Ehdr));
  if (memcmp(p->buf, ELFMAG, SELFMAG))
    return FAIL(p, ORC_ERR_ELF_HEADER, "%s: e_ident: not an ELF file",
                p->name);
  if (p->buf[EI_CLASS] != ELFCLASS64 || p->buf[EI_DATA] != ELFDATA2LSB)
    return FAIL(p, ORC_ERR_ELF_HEADER,
                "%s: e_ident: class %u data %u, expected 2 (64-bit) and 1 "
                "(little-endian)",
                p->name, p->buf[EI_CLASS], p->buf[EI_DATA]);
  elf_version(EV_CURRENT);
  p->elf = elf_memory((char *)p->buf, p->len);
  if (!p->elf || !gelf_getehdr(p->elf, &p->eh))
    return FAIL(p, ORC_ERR_ELF_HEADER, "%s: ELF header: %s", p->name,
                elf_errmsg(-1));
  if (p->eh.e_machine != EM_X86_64)
    return FAIL(p, ORC_ERR_ELF_HEADER, "%s: e_machine is %u, expected %u (x86-64)",
                p->name, p->eh.e_machine, EM_X86_64);
  if (p->eh.e_type != ET_DYN)
    return FAIL(p, ORC_ERR_ELF_HEADER,
                "%s: e_type is %u, expected %u (ET_DYN: a PIE program or a "
                "shared library)",
                p->name, p->eh.e_type, ET_DYN);
  if (p->eh.e_phentsize != sizeof(Elf64_Phdr) || p->eh.e_phnum == 0 ||
      !range_ok(p->eh.e_phoff, (uint64_t)p->eh.e_phnum * sizeof(Elf64_Phdr),
                p->len))
    return FAIL(p, ORC_ERR_PHDR,
                "%s: program headers (e_phoff %lu, e_phnum %u, e_phentsize "
                "%u) do not fit in the file (%zu bytes)",
                p->name, (unsigned long)p->eh.e_phoff, p->eh.e_phnum,
                p->eh.e_phentsize, p->len);
  return ORC_OK;
}

static enum orc_status check_load(struct parse *p, unsigned i,
                                  const GElf_Phdr *ph) {
  struct orc_elf *e = p->out;
  if (ph->p_filesz > ph->p_memsz)
    return FAIL(p, ORC_ERR_SEGMENT,
                "%s: phdr[%u].p_filesz (%lu) is larger than p_memsz (%lu)",
                p->name, i, (unsigned long)ph->p_filesz,
                (unsigned long)ph->p_memsz);
  if (!range_ok(ph->p_offset, ph->p_filesz, p->len))
    return FAIL(p, ORC_ERR_SEGMENT,
                "%s: phdr[%u]: file range 0x%lx+0x%lx is outside the file "
                "(%zu bytes)",
                p->name, i, (unsigned long)ph->p_offset,
                (unsigned long)ph->p_filesz, p->len);
  if (!range_ok(ph->p_vaddr, ph->p_memsz, USER_LIMIT))
    return FAIL(p, ORC_ERR_SEGMENT,
                "%s: phdr[%u]: p_vaddr 0x%lx + p_memsz 0x%lx overflows the "
                "address space",
                p->name, i, (unsigned long)ph->p_vaddr,
                (unsigned long)ph->p_memsz);
  if (ph->p_align < ORC_PAGE || (ph->p_align & (ph->p_align - 1)) ||
      ph->p_vaddr % ORC_PAGE != ph->p_offset % ORC_PAGE)
    return FAIL(p, ORC_ERR_SEGMENT,
                "%s: phdr[%u]: p_align 0x%lx, p_vaddr 0x%lx, p_offset 0x%lx: "
                "not page-aligned consistently",
                p->name, i, (unsigned long)ph->p_align,
                (unsigned long)ph->p_vaddr, (unsigned long)ph->p_offset);
  if ((ph->p_flags & PF_W) && (ph->p_flags & PF_X))
    return FAIL(p, ORC_ERR_WX,
                "%s: phdr[%u] (p_vaddr 0x%lx) is both writable and executable",
                p->name, i, (unsigned long)ph->p_vaddr);
  if (e->nsegs) {
    const struct orc_segment *prev = &e->segs[e->nsegs - 1];
    if (ph->p_vaddr < prev->vaddr)
      return FAIL(p, ORC_ERR_SEGMENT_ORDER,
                  "%s: phdr[%u].p_vaddr is not in ascending order (0x%lx < "
                  "0x%lx)",
                  p->name, i, (unsigned long)ph->p_vaddr,
                  (unsigned long)prev->vaddr);
    if (orc_page_up(prev->vaddr + prev->memsz) > orc_page_down(ph->p_vaddr))
      return FAIL(p, ORC_ERR_SEGMENT_OVERLAP,
                  "%s: phdr[%u] (0x%lx-0x%lx) overlaps the previous PT_LOAD "
                  "(0x%lx-0x%lx) at page granularity",
                  p->name, i, (unsigned long)ph->p_vaddr,
                  (unsigned long)(ph->p_vaddr + ph->p_memsz),
                  (unsigned long)prev->vaddr,
                  (unsigned long)(prev->vaddr + prev->memsz));
  }
  struct orc_segment *s = &e->segs[e->nsegs++];
  *s = (struct orc_segment){ph->p_vaddr, ph->p_memsz, ph->p_offset,
                            ph->p_filesz, ph->p_flags};
  return ORC_OK;
}

static enum orc_status check_notes(struct parse *p, unsigned i,
                                   const GElf_Phdr *ph) {
  if (!range_ok(ph->p_offset, ph->p_filesz, p->len))
    return FAIL(p, ORC_ERR_PHDR, "%s: phdr[%u] (PT_NOTE) is outside the file",
                p->name, i);
  const uint8_t *n = p->buf + ph->p_offset, *end = n + ph->p_filesz;
  while (end - n >= 12) {
    uint32_t hdr[3];
    memcpy(hdr, n, sizeof hdr);
    uint64_t namesz = (hdr[0] + 3ull) & ~3ull, descsz = (hdr[1] + 3ull) & ~3ull;
    if ((uint64_t)(end - n) - 12 < namesz + descsz)
      return FAIL(p, ORC_ERR_MARKER,
                  "%s: phdr[%u]: note at file offset 0x%lx overruns its "
                  "segment",
                  p->name, i, (unsigned long)(n - p->buf));
    const uint8_t *name = n + 12, *desc = name + namesz;
    if (hdr[0] == ORC_NOTE_NAMESZ &&
        !memcmp(name, ORC_NOTE_NAME, ORC_NOTE_NAMESZ) &&
        hdr[2] == ORC_NOTE_TYPE) {
      uint32_t version;
      if (hdr[1] != ORC_NOTE_DESCSZ)
        return FAIL(p, ORC_ERR_MARKER,
                    "%s: ORC note: descsz is %u, expected %u", p->name, hdr[1],
                    ORC_NOTE_DESCSZ);
      memcpy(&version, desc, 4);
      if (version != ORC_FORMAT_VERSION ||
          (p->out->format_version && p->out->format_version != version))
        return FAIL(p, ORC_ERR_MARKER,
                    "%s: ORC note: format version %u, this loader reads %u",
                    p->name, version, ORC_FORMAT_VERSION);
      p->out->format_version = version;
    }
    n = desc + descsz;
  }
  return ORC_OK;
}

static enum orc_status check_segments(struct parse *p) {
  struct orc_elf *e = p->out;
  e->segs = calloc(p->eh.e_phnum, sizeof *e->segs);
  if (!e->segs)
    return FAIL(p, ORC_ERR_NOMEM, "%s: out of memory", p->name);
  int have_dynamic = 0;
  for (unsigned i = 0; i < p->eh.e_phnum; i++) {
    GElf_Phdr ph;
    if (!gelf_getphdr(p->elf, (int)i, &ph))
      return FAIL(p, ORC_ERR_PHDR, "%s: phdr[%u]: %s", p->name, i,
                  elf_errmsg(-1));
    enum orc_status st = ORC_OK;
    switch (ph.p_type) {
    case PT_LOAD:
      st = check_load(p, i, &ph);
      break;
    case PT_NOTE:
      st = check_notes(p, i, &ph);
      break;
    case PT_DYNAMIC:
      if (!range_ok(ph.p_offset, ph.p_filesz, p->len))
        return FAIL(p, ORC_ERR_DYNAMIC,
                    "%s: phdr[%u] (PT_DYNAMIC) is outside the file", p->name, i);
      p->dyn_off = ph.p_offset;
      p->dyn_size = ph.p_filesz;
      have_dynamic = 1;
      break;
    case PT_TLS:
      /* A block larger than the address space would wrap the link's
       * static TLS layout (orc_tls_layout). */
      if (ph.p_filesz > ph.p_memsz || ph.p_memsz > USER_LIMIT ||
          (ph.p_align & (ph.p_align - 1)) || ph.p_align > ORC_PAGE)
        return FAIL(p, ORC_ERR_TLS,
                    "%s: phdr[%u] (PT_TLS): filesz %lu, memsz %lu, align %lu",
                    p->name, i, (unsigned long)ph.p_filesz,
                    (unsigned long)ph.p_memsz, (unsigned long)ph.p_align);
      e->has_tls = 1;
      e->tls_vaddr = ph.p_vaddr;
      e->tls_filesz = ph.p_filesz;
      e->tls_memsz = ph.p_memsz;
      e->tls_align = ph.p_align ? ph.p_align : 1;
      break;
    default:
      break;
    }
    if (st)
      return st;
  }
  if (!e->nsegs)
    return FAIL(p, ORC_ERR_SEGMENT, "%s: no PT_LOAD segment", p->name);
  if (!have_dynamic)
    return FAIL(p, ORC_ERR_DYNAMIC, "%s: no PT_DYNAMIC segment", p->name);
  if (!e->format_version)
    return FAIL(p, ORC_ERR_NO_MARKER,
                "%s: no ORC note (" ORC_SECTION_NOTE "): not built with orc.so",
                p->name);
  const struct orc_segment *last = &e->segs[e->nsegs - 1];
  e->span = orc_page_up(last->vaddr + last->memsz);
  uint64_t tlsoff;
  if (e->has_tls && !file_offset(e, e->tls_vaddr, e->tls_filesz, &tlsoff))
    return FAIL(p, ORC_ERR_TLS,
                "%s: PT_TLS image 0x%lx+0x%lx is not inside a PT_LOAD",
                p->name, (unsigned long)e->tls_vaddr,
                (unsigned long)e->tls_filesz);
  return ORC_OK;
}

/* Sections that may hold writable bytes in an ORC object besides the
 * template: everything written at load time only, then made read-only. */
static int writable_allowed(const char *name) {
  static const char *const ok[] = {ORC_SECTION_STATE, ORC_SECTION_STATE_PAD,
                                   ORC_SECTION_SLOT,  ".got",
                                   ".got.plt",        ".dynamic",
                                   ".data.rel.ro",    ".init_array",
                                   ".fini_array",     ".tdata",
                                   ".tbss",           ".relro_padding"};
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
    if (!strcmp(name, ok[i]))
      return 1;
  return 0;
}

struct section {
  const char *name;
  GElf_Shdr sh;
};

static enum orc_status check_template(struct parse *p, const struct section *s,
                                      size_t n) {
  struct orc_elf *e = p->out;
  if (!e->tmpl_size)
    return ORC_OK;
  const struct orc_segment *seg = segment_at(e, e->tmpl_vaddr, e->tmpl_size);
  uint64_t off;
  if (e->tmpl_vaddr % ORC_PAGE || !seg || !(seg->flags & PF_W) ||
      !file_offset(e, e->tmpl_vaddr, e->tmpl_size, &off))
    return FAIL(
        p, ORC_ERR_TEMPLATE,
        "%s: state template (" ORC_SECTION_STATE ", 0x%lx+0x%lx) must start a "
        "page inside a writable PT_LOAD's file bytes: link with "
        "orc-layout.ld",
        p->name, (unsigned long)e->tmpl_vaddr, (unsigned long)e->tmpl_size);
  uint64_t lo = e->tmpl_vaddr, hi = orc_page_up(e->tmpl_vaddr + e->tmpl_size);
  for (size_t i = 0; i < n; i++) {
    const GElf_Shdr *sh = &s[i].sh;
    if (!(sh->sh_flags & SHF_ALLOC) || !sh->sh_size ||
        (sh->sh_flags & SHF_TLS) || !strcmp(s[i].name, ORC_SECTION_STATE) ||
        !strcmp(s[i].name, ORC_SECTION_STATE_PAD))
      continue;
    if (sh->sh_addr < hi && sh->sh_addr + sh->sh_size > lo)
      return FAIL(p, ORC_ERR_TEMPLATE,
                  "%s: section %s (0x%lx+0x%lx) shares a page with the "
                  "state template (0x%lx-0x%lx)",
                  p->name, s[i].name, (unsigned long)sh->sh_addr,
                  (unsigned long)sh->sh_size, (unsigned long)lo,
                  (unsigned long)hi);
  }
  return ORC_OK;
}

static enum orc_status check_sections(struct parse *p) {
  struct orc_elf *e = p->out;
  size_t shnum, shstrndx;
  if (elf_getshdrnum(p->elf, &shnum) || elf_getshdrstrndx(p->elf, &shstrndx) ||
      shnum == 0)
    return FAIL(p, ORC_ERR_SECTION,
                "%s: no section headers: ORC objects keep them (the template "
                "and slot cell are found by section name)",
                p->name);
  struct section *s = calloc(shnum, sizeof *s);
  if (!s)
    return FAIL(p, ORC_ERR_NOMEM, "%s: out of memory", p->name);
  enum orc_status st = ORC_OK;
  size_t n = 0;
  for (Elf_Scn *scn = NULL; (scn = elf_nextscn(p->elf, scn)) && n < shnum;) {
    size_t idx = elf_ndxscn(scn);
    if (!gelf_getshdr(scn, &s[n].sh)) {
      st = FAIL(p, ORC_ERR_SECTION, "%s: section[%zu]: %s", p->name, idx,
                elf_errmsg(-1));
      goto out;
    }
    s[n].name = elf_strptr(p->elf, shstrndx, s[n].sh.sh_name);
    if (!s[n].name) {
      st = FAIL(p, ORC_ERR_SECTION, "%s: section[%zu].sh_name %u is invalid",
                p->name, idx, s[n].sh.sh_name);
      goto out;
    }
    const GElf_Shdr *sh = &s[n].sh;
    if (sh->sh_type != SHT_NOBITS && sh->sh_type != SHT_NULL &&
        !range_ok(sh->sh_offset, sh->sh_size, p->len)) {
      st = FAIL(p, ORC_ERR_SECTION,
                "%s: section[%zu] %s: 0x%lx+0x%lx is outside the file", p->name,
                idx, s[n].name, (unsigned long)sh->sh_offset,
                (unsigned long)sh->sh_size);
      goto out;
    }
    if ((sh->sh_flags & SHF_ALLOC) && !(sh->sh_flags & SHF_TLS) &&
        sh->sh_size && !segment_at(e, sh->sh_addr, sh->sh_size)) {
      st = FAIL(p, ORC_ERR_SECTION,
                "%s: section[%zu] %s (0x%lx+0x%lx) is not inside a PT_LOAD",
                p->name, idx, s[n].name, (unsigned long)sh->sh_addr,
                (unsigned long)sh->sh_size);
      goto out;
    }
    if (!strcmp(s[n].name, ORC_SECTION_STATE) && e->tmpl_size) {
      st = FAIL(p, ORC_ERR_TEMPLATE,
                "%s: section[%zu]: a second " ORC_SECTION_STATE
                " section (the linker makes one)",
                p->name, idx);
      goto out;
    }
    if (!strcmp(s[n].name, ORC_SECTION_STATE)) {
      e->tmpl_vaddr = sh->sh_addr;
      e->tmpl_size = sh->sh_size;
    } else if (!strcmp(s[n].name, ORC_SECTION_SLOT)) {
      if (sh->sh_size != ORC_SLOT_CELL_SIZE ||
          sh->sh_addr % ORC_SLOT_CELL_SIZE) {
        st = FAIL(p, ORC_ERR_TEMPLATE,
                  "%s: slot cell (" ORC_SECTION_SLOT ") is %lu bytes at 0x%lx, "
                  "expected %u aligned to %u",
                  p->name, (unsigned long)sh->sh_size,
                  (unsigned long)sh->sh_addr, ORC_SLOT_CELL_SIZE,
                  ORC_SLOT_CELL_SIZE);
        goto out;
      }
      /* Checked even when not SHF_ALLOC: the loader writes the slot here. */
      if (!segment_at(e, sh->sh_addr, ORC_SLOT_CELL_SIZE)) {
        st = FAIL(p, ORC_ERR_TEMPLATE,
                  "%s: slot cell (" ORC_SECTION_SLOT
                  ") at 0x%lx is not inside a PT_LOAD",
                  p->name, (unsigned long)sh->sh_addr);
        goto out;
      }
      e->slot_vaddr = sh->sh_addr;
    } else if (sh->sh_type == SHT_DYNSYM) {
      if (sh->sh_entsize != sizeof(Elf64_Sym)) {
        st = FAIL(p, ORC_ERR_SYMBOL, "%s: .dynsym sh_entsize is %lu, expected %zu",
                  p->name, (unsigned long)sh->sh_entsize, sizeof(Elf64_Sym));
        goto out;
      }
      p->dynsym_addr = sh->sh_addr;
      p->dynsym_off = sh->sh_offset;
      p->dynsym_size = sh->sh_size;
    }
    if ((sh->sh_flags & SHF_ALLOC) && (sh->sh_flags & SHF_WRITE) &&
        sh->sh_size && !writable_allowed(s[n].name)) {
      st = FAIL(p, ORC_ERR_WRITABLE_DATA,
                "%s: section %s (%lu bytes) holds writable data outside the "
                "state template: was every translation unit built with "
                "orc.so?",
                p->name, s[n].name, (unsigned long)sh->sh_size);
      goto out;
    }
    n++;
  }
  st = check_template(p, s, n);
  if (!st && e->slot_vaddr && e->tmpl_size &&
      e->slot_vaddr < orc_page_up(e->tmpl_vaddr + e->tmpl_size) &&
      e->slot_vaddr + 8 > e->tmpl_vaddr)
    st = FAIL(p, ORC_ERR_TEMPLATE,
              "%s: slot cell at 0x%lx lies on the state template's pages",
              p->name, (unsigned long)e->slot_vaddr);
out:
  free(s);
  return st;
}

struct dynamic {
  uint64_t strtab, strsz, symtab, rela, relasz, relaent, jmprel, pltrelsz,
      pltrel, flags, flags1, init, fini, init_array, init_arraysz,
      fini_array, fini_arraysz;
  int textrel, rel, relr, preinit;
  size_t nneeded;
};

static void read_dynamic(struct parse *p, struct dynamic *d) {
  memset(d, 0, sizeof *d);
  size_t n = p->dyn_size / sizeof(Elf64_Dyn);
  for (size_t i = 0; i < n; i++) {
    Elf64_Dyn dyn;
    memcpy(&dyn, p->buf + p->dyn_off + i * sizeof dyn, sizeof dyn);
    uint64_t v = dyn.d_un.d_val;
    switch (dyn.d_tag) {
    case DT_NULL: return;
    case DT_NEEDED: d->nneeded++; break;
    case DT_STRTAB: d->strtab = v; break;
    case DT_STRSZ: d->strsz = v; break;
    case DT_SYMTAB: d->symtab = v; break;
    case DT_RELA: d->rela = v; break;
    case DT_RELASZ: d->relasz = v; break;
    case DT_RELAENT: d->relaent = v; break;
    case DT_JMPREL: d->jmprel = v; break;
    case DT_PLTRELSZ: d->pltrelsz = v; break;
    case DT_PLTREL: d->pltrel = v; break;
    case DT_FLAGS: d->flags = v; break;
    case DT_FLAGS_1: d->flags1 = v; break;
    case DT_INIT: d->init = v; break;
    case DT_FINI: d->fini = v; break;
    case DT_INIT_ARRAY: d->init_array = v; break;
    case DT_INIT_ARRAYSZ: d->init_arraysz = v; break;
    case DT_FINI_ARRAY: d->fini_array = v; break;
    case DT_FINI_ARRAYSZ: d->fini_arraysz = v; break;
    case DT_TEXTREL: d->textrel = 1; break;
    case DT_REL: case DT_RELSZ: d->rel = 1; break;
    case DT_RELR: case DT_RELRSZ: d->relr = 1; break;
    case DT_PREINIT_ARRAY: d->preinit = 1; break;
    default: break;
    }
  }
}

static enum orc_status load_strings(struct parse *p, const struct dynamic *d) {
  struct orc_elf *e = p->out;
  uint64_t off;
  if (!d->strtab || !d->strsz || !file_offset(e, d->strtab, d->strsz, &off))
    return FAIL(p, ORC_ERR_DYNAMIC,
                "%s: DT_STRTAB 0x%lx + DT_STRSZ %lu is not inside the file",
                p->name, (unsigned long)d->strtab, (unsigned long)d->strsz);
  e->strtab = malloc(d->strsz + 1);
  if (!e->strtab)
    return FAIL(p, ORC_ERR_NOMEM, "%s: out of memory", p->name);
  memcpy(e->strtab, p->buf + off, d->strsz);
  e->strtab[d->strsz] = 0; /* every name ends inside the copy */
  e->strsz = d->strsz;
  e->needed = calloc(d->nneeded + 1, sizeof *e->needed);
  if (!e->needed)
    return FAIL(p, ORC_ERR_NOMEM, "%s: out of memory", p->name);
  size_t n = p->dyn_size / sizeof(Elf64_Dyn);
  for (size_t i = 0; i < n; i++) {
    Elf64_Dyn dyn;
    memcpy(&dyn, p->buf + p->dyn_off + i * sizeof dyn, sizeof dyn);
    if (dyn.d_tag == DT_NULL)
      break;
    if (dyn.d_tag != DT_NEEDED)
      continue;
    if (dyn.d_un.d_val >= e->strsz)
      return FAIL(p, ORC_ERR_DYNAMIC,
                  "%s: dynamic[%zu] DT_NEEDED name offset %lu is past DT_STRSZ "
                  "(%zu)",
                  p->name, i, (unsigned long)dyn.d_un.d_val, e->strsz);
    e->needed[e->nneeded++] = e->strtab + dyn.d_un.d_val;
  }
  return ORC_OK;
}

static enum orc_status load_symbols(struct parse *p, const struct dynamic *d) {
  struct orc_elf *e = p->out;
  if (!d->symtab || d->symtab != p->dynsym_addr)
    return FAIL(p, ORC_ERR_SYMBOL,
                "%s: DT_SYMTAB 0x%lx does not match the .dynsym section "
                "(0x%lx)",
                p->name, (unsigned long)d->symtab,
                (unsigned long)p->dynsym_addr);
  e->nsyms = p->dynsym_size / sizeof(Elf64_Sym);
  e->syms = calloc(e->nsyms ? e->nsyms : 1, sizeof *e->syms);
  if (!e->syms)
    return FAIL(p, ORC_ERR_NOMEM, "%s: out of memory", p->name);
  for (size_t i = 0; i < e->nsyms; i++) {
    Elf64_Sym s;
    memcpy(&s, p->buf + p->dynsym_off + i * sizeof s, sizeof s);
    struct orc_symbol *o = &e->syms[i];
    if (s.st_name >= e->strsz)
      return FAIL(p, ORC_ERR_SYMBOL,
                  "%s: dynsym[%zu].st_name %u is past DT_STRSZ (%zu)", p->name,
                  i, s.st_name, e->strsz);
    *o = (struct orc_symbol){e->strtab + s.st_name, s.st_value, s.st_size,
                             s.st_shndx, ELF64_ST_BIND(s.st_info),
                             ELF64_ST_TYPE(s.st_info)};
    if (o->type == STT_GNU_IFUNC)
      return FAIL(p, ORC_ERR_IFUNC,
                  "%s: symbol '%s' (dynsym[%zu]) is an IFUNC, which ORC does "
                  "not support",
                  p->name, o->name, i);
    if (o->shndx == SHN_UNDEF || o->shndx == SHN_ABS || o->shndx >= SHN_LORESERVE)
      continue;
    int ok = o->type == STT_TLS
                 ? e->has_tls && range_ok(o->value, o->size, e->tls_memsz)
                 : segment_at(e, o->value, o->size) != NULL;
    if (!ok)
      return FAIL(p, ORC_ERR_SYMBOL,
                  "%s: symbol '%s' (dynsym[%zu]) at 0x%lx+0x%lx is outside "
                  "every segment",
                  p->name, o->name, i, (unsigned long)o->value,
                  (unsigned long)o->size);
  }
  return ORC_OK;
}

static enum orc_status check_reloc(struct parse *p, size_t i,
                                   const struct orc_reloc *r) {
  struct orc_elf *e = p->out;
  switch (r->type) {
  case R_X86_64_NONE:
    return ORC_OK;
  case R_X86_64_RELATIVE:
  case R_X86_64_64:
  case R_X86_64_GLOB_DAT:
  case R_X86_64_JUMP_SLOT:
  case R_X86_64_DTPMOD64:
  case R_X86_64_DTPOFF64:
  case R_X86_64_TPOFF64:
    break;
  case R_X86_64_COPY:
    return FAIL(p, ORC_ERR_COPY_RELOC,
                "%s: relocation[%zu] is R_X86_64_COPY (symbol '%s'): ORC "
                "objects never copy another object's data; build the program "
                "with orc.so (-fPIE)",
                p->name, i, r->sym < e->nsyms ? e->syms[r->sym].name : "?");
  case R_X86_64_IRELATIVE:
    return FAIL(p, ORC_ERR_IFUNC,
                "%s: relocation[%zu] is R_X86_64_IRELATIVE: IFUNCs are not "
                "supported",
                p->name, i);
  default:
    return FAIL(p, ORC_ERR_RELOC_TYPE,
                "%s: relocation[%zu] has unsupported type %u", p->name, i,
                r->type);
  }
  if (r->sym >= e->nsyms)
    return FAIL(p, ORC_ERR_RELOC,
                "%s: relocation[%zu] (%s) symbol index %u is out of range "
                "(%zu symbols)",
                p->name, i, orc_reloc_name(r->type), r->sym, e->nsyms);
  const struct orc_segment *s = segment_at(e, r->offset, 8);
  if (!s)
    return FAIL(p, ORC_ERR_RELOC,
                "%s: relocation[%zu] (%s) offset 0x%lx is outside every "
                "segment",
                p->name, i, orc_reloc_name(r->type), (unsigned long)r->offset);
  if (!(s->flags & PF_W))
    return FAIL(p, ORC_ERR_TEXTREL,
                "%s: relocation[%zu] (%s) at 0x%lx is in a read-only segment "
                "(a text relocation)",
                p->name, i, orc_reloc_name(r->type), (unsigned long)r->offset);
  /* A state relocation is written into each instance, which holds the
   * template's bytes only: all 8 bytes in the template, or none. */
  uint64_t t0 = e->tmpl_vaddr, t1 = e->tmpl_vaddr + e->tmpl_size;
  if (e->tmpl_size && r->offset < t1 && r->offset + 8 > t0 &&
      (r->offset < t0 || r->offset + 8 > t1))
    return FAIL(p, ORC_ERR_RELOC,
                "%s: relocation[%zu] (%s) at 0x%lx straddles an edge of the "
                "state template (0x%lx-0x%lx)",
                p->name, i, orc_reloc_name(r->type), (unsigned long)r->offset,
                (unsigned long)t0, (unsigned long)t1);
  return ORC_OK;
}

/* A relocation table: whole entries, backed by file bytes. */
static enum orc_status find_table(struct parse *p, uint64_t vaddr,
                                  uint64_t size, const char *what,
                                  uint64_t *off) {
  /* A size without its table (DT_PLTRELSZ, no DT_JMPREL) has address 0. */
  if (!vaddr || size % sizeof(Elf64_Rela) ||
      !file_offset(p->out, vaddr, size, off))
    return FAIL(p, ORC_ERR_RELOC,
                "%s: %s table 0x%lx+%lu is not a whole number of entries "
                "inside the file",
                p->name, what, (unsigned long)vaddr, (unsigned long)size);
  return ORC_OK;
}

static enum orc_status load_table(struct parse *p, uint64_t vaddr,
                                  uint64_t size, const char *what) {
  struct orc_elf *e = p->out;
  uint64_t off;
  enum orc_status st;
  if (!size)
    return ORC_OK;
  if ((st = find_table(p, vaddr, size, what, &off)))
    return st;
  size_t n = size / sizeof(Elf64_Rela);
  for (size_t i = 0; i < n; i++) {
    Elf64_Rela r;
    memcpy(&r, p->buf + off + i * sizeof r, sizeof r);
    struct orc_reloc *o = &e->relocs[e->nrelocs];
    *o = (struct orc_reloc){r.r_offset, r.r_addend,
                            (uint32_t)ELF64_R_TYPE(r.r_info),
                            (uint32_t)ELF64_R_SYM(r.r_info)};
    if ((st = check_reloc(p, e->nrelocs, o)))
      return st;
    e->nrelocs++;
  }
  return ORC_OK;
}

static enum orc_status load_array(struct parse *p, uint64_t vaddr,
                                  uint64_t size, const char *what,
                                  uint64_t *out, uint64_t *count) {
  if (!size)
    return ORC_OK;
  if (size % 8 || !segment_at(p->out, vaddr, size))
    return FAIL(p, ORC_ERR_DYNAMIC, "%s: %s 0x%lx+%lu is not inside a segment",
                p->name, what, (unsigned long)vaddr, (unsigned long)size);
  *out = vaddr;
  *count = size / 8;
  return ORC_OK;
}

static enum orc_status check_dynamic(struct parse *p) {
  struct orc_elf *e = p->out;
  struct dynamic d;
  read_dynamic(p, &d);
  if (d.textrel || (d.flags & DF_TEXTREL))
    return FAIL(p, ORC_ERR_TEXTREL,
                "%s: DT_TEXTREL: the object relocates its text", p->name);
  if (d.rel || d.relr)
    return FAIL(p, ORC_ERR_RELOC_TYPE,
                "%s: dynamic section uses %s relocations; ORC reads DT_RELA only",
                p->name, d.rel ? "DT_REL" : "DT_RELR");
  if (d.preinit)
    return FAIL(p, ORC_ERR_DYNAMIC, "%s: DT_PREINIT_ARRAY is not supported",
                p->name);
  if ((d.rela && d.relaent != sizeof(Elf64_Rela)) ||
      (d.jmprel && d.pltrel != DT_RELA))
    return FAIL(p, ORC_ERR_DYNAMIC,
                "%s: DT_RELAENT %lu / DT_PLTREL %lu: expected %zu / DT_RELA",
                p->name, (unsigned long)d.relaent, (unsigned long)d.pltrel,
                sizeof(Elf64_Rela));
  e->is_program = (d.flags1 & DF_1_PIE) != 0;
  enum orc_status st;
  if ((st = load_strings(p, &d)) || (st = load_symbols(p, &d)))
    return st;
  /* Both tables are in the file before their sizes size an allocation. */
  uint64_t off;
  if ((d.relasz && (st = find_table(p, d.rela, d.relasz, "DT_RELA", &off))) ||
      (d.pltrelsz &&
       (st = find_table(p, d.jmprel, d.pltrelsz, "DT_JMPREL", &off))))
    return st;
  e->relocs = calloc((d.relasz + d.pltrelsz) / sizeof(Elf64_Rela) + 1,
                     sizeof *e->relocs);
  if (!e->relocs)
    return FAIL(p, ORC_ERR_NOMEM, "%s: out of memory", p->name);
  if ((st = load_table(p, d.rela, d.relasz, "DT_RELA")) ||
      (st = load_table(p, d.jmprel, d.pltrelsz, "DT_JMPREL")) ||
      (st = load_array(p, d.init_array, d.init_arraysz, "DT_INIT_ARRAY",
                       &e->init_array, &e->init_count)) ||
      (st = load_array(p, d.fini_array, d.fini_arraysz, "DT_FINI_ARRAY",
                       &e->fini_array, &e->fini_count)))
    return st;
  if (d.init || d.fini)
    return FAIL(p, ORC_ERR_DYNAMIC,
                "%s: DT_INIT/DT_FINI are not supported; use constructors "
                "(DT_INIT_ARRAY)",
                p->name);
  return ORC_OK;
}

enum orc_status orc_elf_parse(const void *buf, size_t len, const char *name,
                              struct orc_elf *out, struct orc_error *err) {
  memset(out, 0, sizeof *out);
  struct parse p = {.name = name, .buf = buf, .len = len, .out = out,
                    .err = err};
  out->name = strdup(name);
  enum orc_status st = out->name ? ORC_OK : FAIL(&p, ORC_ERR_NOMEM, "out of memory");
  if (!st && !(st = check_header(&p)) && !(st = check_segments(&p)) &&
      !(st = check_sections(&p)) && !(st = check_dynamic(&p))) {
    out->entry = p.eh.e_entry;
    if (out->is_program && !segment_at(out, out->entry, 1))
      st = FAIL(&p, ORC_ERR_ELF_HEADER, "%s: e_entry 0x%lx is outside every "
                "segment", name, (unsigned long)out->entry);
  }
  if (p.elf)
    elf_end(p.elf);
  if (st)
    orc_elf_free(out);
  return st;
}

void orc_elf_free(struct orc_elf *e) {
  free(e->name);
  free(e->segs);
  free(e->strtab);
  free(e->syms);
  free(e->relocs);
  free(e->needed);
  memset(e, 0, sizeof *e);
}

const char *orc_reloc_name(uint32_t type) {
  switch (type) {
  case R_X86_64_NONE: return "R_X86_64_NONE";
  case R_X86_64_64: return "R_X86_64_64";
  case R_X86_64_RELATIVE: return "R_X86_64_RELATIVE";
  case R_X86_64_GLOB_DAT: return "R_X86_64_GLOB_DAT";
  case R_X86_64_JUMP_SLOT: return "R_X86_64_JUMP_SLOT";
  case R_X86_64_DTPMOD64: return "R_X86_64_DTPMOD64";
  case R_X86_64_DTPOFF64: return "R_X86_64_DTPOFF64";
  case R_X86_64_TPOFF64: return "R_X86_64_TPOFF64";
  case R_X86_64_COPY: return "R_X86_64_COPY";
  case R_X86_64_IRELATIVE: return "R_X86_64_IRELATIVE";
  default: return "unknown";
  }
}

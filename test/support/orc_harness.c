/* See orc_harness.h. Built without orc.so. */
#define _GNU_SOURCE
#include "orc_harness.h"
#include "orc_format.h"

#include <asm/prctl.h>
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The template, between the linker's symbols around it, and the slot cell. */
extern char tmpl_start[] __asm__(ORC_STATE_START)
    __attribute__((weak, visibility("hidden")));
extern char tmpl_stop[] __asm__(ORC_STATE_STOP)
    __attribute__((weak, visibility("hidden")));
extern uint64_t slot_cell __asm__(ORC_SLOT_CELL)
    __attribute__((weak, visibility("hidden")));

struct instance {
  char *state;
  uint64_t ctable[ORC_HARNESS_SLOT + 1];
};

static struct instance *instances;
static int ninstances;
static size_t moved;

static int fail(const char *what) {
  fprintf(stderr, "orc_harness: %s\n", what);
  return -1;
}

struct dyninfo {
  uintptr_t base;
  const Elf64_Rela *rela;
  size_t relasz;
};

/* The first object dl_iterate_phdr reports is the program itself. */
static int find_program(struct dl_phdr_info *info, size_t size, void *arg) {
  struct dyninfo *d = arg;
  (void)size;
  d->base = info->dlpi_addr;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    if (info->dlpi_phdr[i].p_type != PT_DYNAMIC)
      continue;
    const Elf64_Dyn *dyn =
        (const Elf64_Dyn *)(d->base + info->dlpi_phdr[i].p_vaddr);
    for (; dyn->d_tag != DT_NULL; dyn++) {
      /* glibc may or may not have rebased these in place. */
      uintptr_t ptr = dyn->d_un.d_ptr;
      if (dyn->d_tag == DT_RELA)
        d->rela = (const Elf64_Rela *)(ptr < d->base ? ptr + d->base : ptr);
      if (dyn->d_tag == DT_RELASZ)
        d->relasz = dyn->d_un.d_val;
    }
  }
  return 1;
}

/* The loader's rule: a relocated word inside the template that points into
 * the template points into the same instance instead. */
static void relocate(char *tmpl, size_t size) {
  struct dyninfo d = {0};
  dl_iterate_phdr(find_program, &d);
  for (size_t i = 0; d.rela && i < d.relasz / sizeof(Elf64_Rela); i++) {
    uintptr_t where = d.base + d.rela[i].r_offset;
    if (where < (uintptr_t)tmpl || where + 8 > (uintptr_t)tmpl + size)
      continue;
    uintptr_t value;
    memcpy(&value, (void *)where, 8);
    if (value < (uintptr_t)tmpl || value >= (uintptr_t)tmpl + size)
      continue;
    size_t off = where - (uintptr_t)tmpl;
    for (int n = 0; n < ninstances; n++) {
      uintptr_t moved_value = value - (uintptr_t)tmpl + (uintptr_t)instances[n].state;
      memcpy(instances[n].state + off, &moved_value, 8);
    }
    moved++;
  }
}

int orc_harness_init(int count) {
  if (!tmpl_start || !&slot_cell)
    return fail("no " ORC_SECTION_STATE
                " section or slot cell: was the program built "
                "with orc.so?");
  char *tmpl = tmpl_start;
  size_t size = (size_t)(tmpl_stop - tmpl_start);
  long page = sysconf(_SC_PAGESIZE);
  if ((uintptr_t)tmpl % (uintptr_t)page)
    return fail("template is not page-aligned: link with orc-layout.ld");
  instances = calloc((size_t)count, sizeof *instances);
  if (!instances)
    return fail("out of memory");
  ninstances = count;
  for (int n = 0; n < count; n++) {
    /* Guard pages either side: an escaped access faults. */
    size_t span = (size + (size_t)page - 1) / (size_t)page * (size_t)page;
    char *m = mmap(NULL, span + 2 * (size_t)page, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || mprotect(m + page, span ? span : (size_t)page,
                                    PROT_READ | PROT_WRITE))
      return fail("cannot map an instance");
    instances[n].state = m + page;
    memcpy(instances[n].state, tmpl, size);
    instances[n].ctable[ORC_HARNESS_SLOT] =
        (uint64_t)(instances[n].state - tmpl);
  }
  relocate(tmpl, size);
  slot_cell = ORC_HARNESS_SLOT;
  size_t span = (size + (size_t)page - 1) / (size_t)page * (size_t)page;
  if (span && mprotect(tmpl, span, PROT_NONE))
    return fail("cannot protect the template");
  return 0;
}

void orc_harness_enter(int instance) {
  /* GS points 64 KiB below the table, as a cVM window's does
   * (ORC_CTABLE_OFFSET, runtime/src/internal/orc_abi.h). */
  if (syscall(SYS_arch_prctl, ARCH_SET_GS,
              (char *)instances[instance].ctable - 0x10000)) {
    perror("orc_harness: arch_prctl(ARCH_SET_GS)");
    exit(2);
  }
}

void *orc_harness_instance(int instance) { return instances[instance].state; }
size_t orc_harness_template_size(void) {
  return (size_t)(tmpl_stop - tmpl_start);
}
size_t orc_harness_moved_relocs(void) { return moved; }

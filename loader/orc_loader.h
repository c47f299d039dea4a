/* The sharing-aware loader and content-addressed object store.
 *
 * One shared copy per ORC object (code, read-only data, relocated GOT),
 * plus a cheap per-cVM state instance of each object's template. The
 * monitor is the only user besides tests; the loader never calls it.
 *
 * The core does no file I/O: objects arrive as byte buffers from the
 * caller's open callback, and state instances are placed with the caller's
 * allocator. Every failure returns an orc_status and fills an orc_error
 * whose message names the file, the field, the index and the values; on
 * failure nothing stays mapped or allocated.
 *
 * docs/object-format.md is the contract with the pass; docs/loader.md says
 * how the store works. */
#ifndef ORC_LOADER_H
#define ORC_LOADER_H

#include "orc_format.h" /* include/: the format's names and numbers */

#include <stddef.h>
#include <stdint.h>

enum orc_status {
  ORC_OK = 0,
  ORC_ERR_NOMEM,           /* out of memory */
  ORC_ERR_IO,              /* the open callback failed */
  ORC_ERR_ELF_HEADER,      /* not a 64-bit x86-64 ET_DYN ELF, or truncated */
  ORC_ERR_PHDR,            /* program header table out of bounds */
  ORC_ERR_SEGMENT,         /* a segment's bounds, sizes or alignment */
  ORC_ERR_SEGMENT_ORDER,   /* PT_LOAD segments not in ascending order */
  ORC_ERR_SEGMENT_OVERLAP, /* PT_LOAD segments share a page */
  ORC_ERR_WX,              /* a segment both writable and executable */
  ORC_ERR_SECTION,         /* section headers inconsistent */
  ORC_ERR_DYNAMIC,         /* dynamic section missing or inconsistent */
  ORC_ERR_SYMBOL,          /* a symbol table entry out of bounds */
  ORC_ERR_RELOC,           /* a relocation's offset or symbol out of bounds */
  ORC_ERR_RELOC_TYPE,      /* an unknown or unsupported relocation type */
  ORC_ERR_COPY_RELOC,      /* R_X86_64_COPY */
  ORC_ERR_IFUNC,           /* STT_GNU_IFUNC or R_X86_64_IRELATIVE */
  ORC_ERR_TEXTREL,         /* relocations against read-only segments */
  ORC_ERR_NO_MARKER,       /* no ORC note: not built with orc.so */
  ORC_ERR_MARKER,          /* ORC note malformed or of another version */
  ORC_ERR_TEMPLATE,        /* state template misplaced */
  ORC_ERR_WRITABLE_DATA,   /* writable data outside the template */
  ORC_ERR_UNDEFINED,       /* a symbol no object in scope defines */
  ORC_ERR_STATE_LEAK,      /* a shared page would hold a state address */
  ORC_ERR_DEPENDENCY,      /* a DT_NEEDED cycle or too many objects */
  ORC_ERR_MAP,             /* mmap/mprotect failed */
  ORC_ERR_TLS,             /* thread-local storage the loader cannot honour */
  ORC_ERR_SLOTS,           /* capability-table slots exhausted */
  ORC_ERR_UNVERIFIED,      /* machine code outside the SFI contract */
};

struct orc_error {
  enum orc_status code;
  char msg[512];
};

/* ---- ELF validation (elf.c) ------------------------------------------ */

struct orc_segment {
  uint64_t vaddr, memsz, offset, filesz;
  uint32_t flags; /* PF_R | PF_W | PF_X */
};

struct orc_symbol {
  const char *name; /* into orc_elf.strtab */
  uint64_t value, size;
  uint16_t shndx;
  uint8_t bind, type;
};

struct orc_reloc {
  uint64_t offset;
  int64_t addend;
  uint32_t type, sym;
};

/* What the loader needs of one validated object. Owns every array and
 * string; the input buffer may be freed once orc_store has mapped it. */
struct orc_elf {
  char *name;
  int is_program; /* PIE (DF_1_PIE) rather than a shared library */
  uint64_t entry;
  struct orc_segment *segs;
  size_t nsegs;
  uint64_t span; /* end of the highest segment, page-rounded */
  char *strtab;
  size_t strsz;
  struct orc_symbol *syms;
  size_t nsyms;
  struct orc_reloc *relocs;
  size_t nrelocs;
  const char **needed;
  size_t nneeded;
  uint64_t init_array, init_count, fini_array, fini_count;
  uint64_t tmpl_vaddr, tmpl_size; /* 0, 0 when the object has no state */
  uint64_t slot_vaddr;            /* 0 when no code touches state */
  int has_tls;
  uint64_t tls_vaddr, tls_filesz, tls_memsz, tls_align;
  uint32_t format_version;
};

/* Validates buf[0..len) as an ORC object named `name` (for messages).
 * On success fills *out (release with orc_elf_free). */
enum orc_status orc_elf_parse(const void *buf, size_t len, const char *name,
                              struct orc_elf *out, struct orc_error *err);
void orc_elf_free(struct orc_elf *e);

/* ---- The store (store.c, link.c) -------------------------------------- */

/* Objects get slots ORC_FIRST_SLOT..ORC_MAX_SLOTS-1 (orc_format.h says
 * whose the slots below are). */
#define ORC_MAX_SLOTS 4096
#define ORC_KEY_BYTES 32

struct orc_store;
struct orc_object; /* one shared, mapped object; owned by the store */
struct orc_link;   /* a program and its dependencies, resolved */

/* The caller's file access: give the bytes of object `name` (a DT_NEEDED
 * entry, or the program path) needed by `from` (NULL for the program).
 * The buffer stays the caller's; *bytes is released with `release`. */
struct orc_source {
  void *ctx;
  int (*open)(void *ctx, const char *name, const char *from,
              const void **bytes, size_t *len, struct orc_error *err);
  void (*release)(void *ctx, const void *bytes, size_t len);
  /* Optional: the BLAKE2b-256 digest of the bytes `open` gave for `name`,
   * if the caller has it cached (by file identity, say); 0 if not. A wrong
   * digest makes distinct objects share a mapping: only trusted callers
   * may supply one. */
  int (*digest)(void *ctx, const char *name, uint8_t out[32]);
};

/* The content digest the loader uses: BLAKE2b-256 of the bytes. */
void orc_content_digest(const void *bytes, size_t len, uint8_t out[32]);

struct orc_store *orc_store_new(void);
/* Optional, before the first load: map every object inside [base,
 * base+size), address space the caller reserved (PROT_NONE). The monitor
 * uses it so that a seccomp filter can tell ORC code by its address. If
 * fd >= 0, [base, base+size) is a MAP_SHARED mapping of that file at
 * offset 0 (the monitor's code zone): objects are written into the file's
 * pages, which other mappings of the file then show too, and pages an
 * object does not need (its template, itself once unloaded) are punched
 * out of it. -1: no memory. */
int orc_store_set_arena(struct orc_store *s, void *base, size_t size, int fd);
/* INSECURE, for benchmark baselines and in-process loader tests only:
 * map objects whose machine code fails the SFI verifier (docs/sfi.md)
 * instead of refusing them. Their verdict is still recorded and shown by
 * orc inspect. Code that does not verify can reach every cVM and the
 * monitor. */
void orc_store_allow_unverified(struct orc_store *s);
/* Frees the store; every link must have been released before. */
void orc_store_free(struct orc_store *s);

/* Loads `program` and its DT_NEEDED closure (breadth-first, as ld.so),
 * resolves symbols in that global scope, and maps every object whose key
 * is not in the store yet. On success *out is a reference on the link,
 * which holds one on each object; a load that finds the same files (by
 * digest, in the same scope order) as a link in use gets that link, with
 * nothing bound or keyed again. orc_link_release drops the reference. */
enum orc_status orc_link_load(struct orc_store *s, const char *program,
                              const struct orc_source *src,
                              struct orc_link **out, struct orc_error *err);
void orc_link_release(struct orc_link *l);

/* Entry point of the program, in the shared mapping. */
void *orc_link_entry(const struct orc_link *l);
/* Capability-table entries a cVM of this link needs (highest slot + 1). */
size_t orc_link_ctable_size(const struct orc_link *l);
/* Bytes of state one cVM of this link needs (templates, aligned). */
size_t orc_link_state_size(const struct orc_link *l);

/* ---- Instances (instance.c) ------------------------------------------- */

/* The caller's region allocator: `size` bytes aligned to `align`. If
 * `zeroed`, what it returns is always zero-filled (fresh pages): the
 * template's zero tail (zero-initialised state, laid out last) is then not
 * written, so pages of state nobody writes are never touched. */
struct orc_alloc {
  void *ctx;
  void *(*alloc)(void *ctx, size_t size, size_t align);
  int zeroed;
};

struct orc_instance {
  const struct orc_link *link;
  uint64_t *ctable; /* the cVM's capability table (caller's memory): an
                       object's instance is at its template + ctable[slot] */
};

/* Places one state instance per object of the link in memory from `a`
 * (byte granularity, alignment only), copies each template, applies the
 * state relocations and writes ctable[slot] for every object. `ctable`
 * has orc_link_ctable_size() entries. No syscall beyond the allocator's. */
enum orc_status orc_instantiate(const struct orc_link *l,
                                const struct orc_alloc *a, uint64_t *ctable,
                                struct orc_instance *out,
                                struct orc_error *err);

/* ---- Thread-local storage (tls.c) ------------------------------------- */

/* Static TLS, x86-64 variant II: every TLS block of the link lies below
 * the thread pointer, at an offset fixed per link. The thread control
 * block at the thread pointer starts { self, dtv } as musl's does; the dtv
 * is indexed by module id, which is the object's slot. */
size_t orc_tls_size(const struct orc_link *l);  /* blocks + TCB + dtv */
size_t orc_tls_align(const struct orc_link *l);
/* Initialises a thread's static TLS in area[0..orc_tls_size) and returns
 * its thread pointer (to be loaded into FS). */
void *orc_tls_init(const struct orc_link *l, void *area);
/* The runtime's descriptor of the link's static TLS, for new threads
 * (runtime/src/internal/orc_abi.h, docs/runtime-abi.md, AT_ORC_TLS):
 * fills *d if not NULL and returns its size in bytes. */
struct orc_tls_desc;
size_t orc_link_tls_desc(const struct orc_link *l, struct orc_tls_desc *d);

/* ---- Introspection (inspect.c) ---------------------------------------- */

struct orc_object_info {
  const char *name;
  uint8_t key[ORC_KEY_BYTES];
  unsigned slot, users;
  size_t shared_bytes, template_bytes;
  size_t relocs_shared, relocs_state; /* applied once, per instance */
  size_t imports, exports;
  int verified;           /* its text passed the SFI verifier */
  const char *verify_msg; /* "" or where and why it did not */
};

struct orc_store_info {
  size_t objects, users;
  size_t bytes_shared;     /* mapped once */
  size_t bytes_duplicated; /* what per-user private copies would have cost */
};

size_t orc_link_objects(const struct orc_link *l);
/* 1 if [p, p+len) lies in one readable segment of an object of the link,
 * outside its template. */
int orc_link_contains(const struct orc_link *l, const void *p, size_t len);
/* Calls fn for every page range of the link's objects that is readable in
 * the shared mapping: each segment's pages, the template's left out. Stops
 * at, and returns -1 for, the first call that does not return 0. */
int orc_link_shared_ranges(const struct orc_link *l,
                           int (*fn)(void *ctx, void *addr, size_t len),
                           void *ctx);
/* Object i of the link (scope order): its shared mapping [base, base +
 * span) and its template's pages [base + tmpl_lo, base + tmpl_hi) (both 0
 * without state). */
void orc_link_object_span(const struct orc_link *l, size_t i, void **base,
                          size_t *span, size_t *tmpl_lo, size_t *tmpl_hi);
/* The object of the link whose mapping holds addr, and addr's offset in
 * it; NULL if none. */
const char *orc_link_object_at(const struct orc_link *l, const void *addr,
                               uint64_t *offset);
/* Constructor (fini = 0) or destructor (fini = 1) addresses of every
 * object of the link, in the order to call them; returns how many, and
 * fills out[] up to max. */
size_t orc_link_init_fini(const struct orc_link *l, int fini, void **out,
                          size_t max);
void orc_link_object_info(const struct orc_link *l, size_t i,
                          struct orc_object_info *out);
void orc_store_info(const struct orc_store *s, struct orc_store_info *out);
/* Hex form of a key: 2 * ORC_KEY_BYTES + 1 bytes. */
void orc_key_hex(const uint8_t *key, char *out);

#endif

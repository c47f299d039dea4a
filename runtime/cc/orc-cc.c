/* orc-cc: a cc-compatible driver that builds ORC objects.
 *
 * It runs clang-19 with the ORC pass plugin, the runtime's (musl's)
 * headers instead of the host's, and, when linking, lld with the runtime's
 * start files and libc, the template layout fragment and -Bsymbolic for
 * libraries (docs/usage.md lists every flag). The result is an ORC program
 * (PIE) or, with -shared, an ORC library.
 *
 * Its own check: every object, archive member or shared library given to
 * a link must be an ORC object (it carries the .note.orc marker) or hold no
 * writable data; anything else would give each cVM nothing and all cVMs one
 * shared, writable copy, so it is refused with a message naming the file.
 *
 * Every instruction goes through orc-as, the SFI assembler stage
 * (docs/sfi.md): clang writes assembly (-fno-integrated-as) and runs
 * BIN/../lib/orc-sfi/as, which is orc-as, for C, .s/.S files and inline
 * assembly alike; -fno-plt and -z now leave the linker no PLT stubs to
 * make, -mno-red-zone lets the stage borrow the stack below %rsp. Links
 * take clang's builtins from the runtime's liborc_nonshared.a, built the
 * same way, never compiler-rt's. --orc-insecure-no-sfi turns all of this
 * off and links the baseline runtime (BIN/../runtime-nosfi): what it
 * builds the loader refuses unless told --insecure-no-verify; it exists
 * for the benchmarks' baselines only.
 *
 * Paths are found relative to this program: BIN/../lib/orc.so,
 * BIN/../lib/orc-layout.ld, BIN/../runtime/{include,lib}. */
#define _GNU_SOURCE
#include "orc_format.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ORC_CLANG
#define ORC_CLANG "clang-19"
#endif

enum mode { LINK, COMPILE }; /* COMPILE: -c, -S, -E or -M/-MM alone */

struct args {
  char **v;
  size_t n, cap;
};

static const char *prog = "orc-cc";

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s: error: ", prog);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void push(struct args *a, const char *s) {
  if (a->n + 2 > a->cap) {
    a->cap = a->cap ? 2 * a->cap : 64;
    a->v = realloc(a->v, a->cap * sizeof *a->v);
    if (!a->v)
      die("out of memory");
  }
  a->v[a->n++] = strdup(s);
  a->v[a->n] = NULL;
}

static void pushf(struct args *a, const char *fmt, ...) {
  char buf[PATH_MAX + 64];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  push(a, buf);
}

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && !strcmp(s + n - m, suf);
}

/* ---- The ORC input check ------------------------------------------------ */

static int sfi_link = 1; /* the inputs must be SFI code too */

static int section_named(Elf *e, size_t shstrndx, Elf_Scn *scn,
                         const char *name) {
  GElf_Shdr sh;
  const char *n;
  return gelf_getshdr(scn, &sh) && (n = elf_strptr(e, shstrndx, sh.sh_name)) &&
         !strcmp(n, name);
}

/* 1: an ORC object (has the note); 0: no writable data, harmless;
 * -1: foreign with writable data (the offending section in *why). */
static int classify_elf(Elf *e, char *why, size_t whylen) {
  size_t shstrndx;
  if (elf_kind(e) != ELF_K_ELF || elf_getshdrstrndx(e, &shstrndx))
    return 0;
  int writable = 0;
  for (Elf_Scn *scn = NULL; (scn = elf_nextscn(e, scn));) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh))
      continue;
    if (section_named(e, shstrndx, scn, ORC_SECTION_NOTE))
      return 1;
    const char *n = elf_strptr(e, shstrndx, sh.sh_name);
    if ((sh.sh_flags & SHF_ALLOC) && (sh.sh_flags & SHF_WRITE) && sh.sh_size &&
        !(sh.sh_flags & SHF_TLS) && !writable) {
      writable = 1;
      snprintf(why, whylen, "section %s holds %lu bytes of writable data",
               n ? n : "?", (unsigned long)sh.sh_size);
    }
  }
  return writable ? -1 : 0;
}

/* An object that is not an ORC object but has no writable data may be
 * linked in, if its machine code is SFI code (docs/sfi.md): orc-verify
 * says so, as the loader would refuse the result. The verifier's own
 * message (offset, instruction, rule) follows ours. Archive members are
 * left to the loader. */
static void check_code(const char *bindir, const char *path) {
  char cmd[2 * PATH_MAX + 64];
  snprintf(cmd, sizeof cmd, "'%s/orc-verify' '%s' 2>&1", bindir, path);
  FILE *p = strchr(path, '\'') ? NULL : popen(cmd, "r");
  if (!p)
    return;
  char out[1024] = "";
  size_t n = fread(out, 1, sizeof out - 1, p);
  out[n] = 0;
  if (n && out[n - 1] == '\n')
    out[n - 1] = 0;
  if (pclose(p) != 0)
    die("%s is not SFI code (built without orc-as?): rebuild it with orc-cc; "
        "the loader would refuse the program: %s", path, out);
}

static void check_input(const char *bindir, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return; /* clang reports a missing input itself */
  elf_version(EV_CURRENT);
  Elf *ar = elf_begin(fd, ELF_C_READ, NULL);
  char why[256];
  if (ar && elf_kind(ar) == ELF_K_AR) {
    Elf *m;
    Elf_Cmd cmd = ELF_C_READ;
    while ((m = elf_begin(fd, cmd, ar))) {
      Elf_Arhdr *h = elf_getarhdr(m);
      if (h && h->ar_name[0] != '/' && classify_elf(m, why, sizeof why) < 0)
        die("%s(%s) is not an ORC object (%s): rebuild it with orc-cc; "
            "a plain object would give every cVM one shared copy of its "
            "data",
            path, h->ar_name, why);
      cmd = elf_next(m);
      elf_end(m);
    }
  } else if (ar) {
    int kind = classify_elf(ar, why, sizeof why);
    if (kind < 0)
      die("%s is not an ORC object (%s): rebuild it with orc-cc; a plain "
          "object would give every cVM one shared copy of its data",
          path, why);
    if (kind == 0 && elf_kind(ar) == ELF_K_ELF && sfi_link)
      check_code(bindir, path);
  }
  if (ar)
    elf_end(ar);
  close(fd);
}

/* -lNAME: the file the linker would pick, if any (shared before static);
 * -l:FILE names the file itself. */
static void check_library(const char *bindir, const char *name,
                          const struct args *dirs) {
  char path[PATH_MAX];
  for (size_t i = 0; i < dirs->n; i++)
    for (int shared = 1; shared >= 0; shared--) {
      if (name[0] == ':')
        snprintf(path, sizeof path, "%s/%s", dirs->v[i], name + 1);
      else
        snprintf(path, sizeof path, "%s/lib%s.%s", dirs->v[i], name,
                 shared ? "so" : "a");
      if (access(path, R_OK) == 0) {
        check_input(bindir, path);
        return;
      }
    }
}

/* musl has these in libc itself. */
static int libc_alias(const char *lib) {
  static const char *const names[] = {"c", "m", "pthread", "rt", "dl",
                                      "util", "xnet", "crypt", "resolv"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(lib, names[i]))
      return 1;
  return 0;
}

/* ---- Arguments --------------------------------------------------------- */

/* Options whose value is the next argument. */
static int takes_value(const char *a) {
  static const char *const opts[] = {
      "-o", "-I", "-D", "-U", "-L", "-l", "-x", "-MF", "-MT", "-MQ",
      "-include", "-imacros", "-isystem", "-idirafter", "-iquote",
      "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot",
      "--sysroot", "-Xlinker", "-Xassembler", "-Xpreprocessor", "-Xclang",
      "-mllvm", "-MJ", "-T", "-u", "-e", "-arch", "-target", "--target", "-z"};
  for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
    if (!strcmp(a, opts[i]))
      return 1;
  return 0;
}

static int is_input(const char *a) {
  return a[0] != '-' || !strcmp(a, "-");
}

/* --gc-sections removes every (empty) .data input section of ORC objects,
 * after which the layout fragment's INSERT BEFORE .data fails
 * (docs/runtime.md); it only makes outputs smaller, so it is dropped. */
static int is_gc_sections(const char *a) {
  return !strcmp(a, "--gc-sections") || !strcmp(a, "-gc-sections");
}

static int is_linker_input(const char *a) { /* by name: not compiled */
  return has_suffix(a, ".o") || has_suffix(a, ".a") || has_suffix(a, ".so") ||
         strstr(a, ".so.") != NULL;
}

int main(int argc, char **argv) {
  char self[PATH_MAX], bindir[PATH_MAX], top[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n < 0)
    die("cannot find myself: %s", strerror(errno));
  self[n] = 0;
  snprintf(bindir, sizeof bindir, "%s", dirname(self));
  snprintf(top, sizeof top, "%s/..", bindir);
  if (realpath(top, self)) /* plain paths in -v, -E line markers, .d files */
    snprintf(top, sizeof top, "%s", self);

  enum mode mode = LINK;
  int shared = 0, inputs = 0, sources = 0, info_only = 0, pthread = 0;
  int nostart = 0, nolibs = 0, relocatable = 0, lang = 0, libc = 0;
  struct args user = {0}, libdirs = {0}, libs = {0}, objs = {0};
  int sfi = 1;
  /* --orc-insecure-bench-off=FAMILIES: benchmark builds only
   * (benchmarks/runtime): SFI code with some of orc-as's rewrite families
   * turned off to attribute their cost (docs/sfi.md section 8). It does
   * not verify; its inputs are not checked as SFI code either. */
  const char *bench_off = NULL;
  for (int i = 1; i < argc; i++)
    if (!strcmp(argv[i], "--orc-insecure-no-sfi"))
      sfi = 0;
    else if (!strncmp(argv[i], "--orc-insecure-bench-off=", 25))
      bench_off = argv[i] + 25;
  char rt[PATH_MAX + 16];
  snprintf(rt, sizeof rt, "%s/%s", top, sfi ? "runtime" : "runtime-nosfi");
  if (!sfi && access(rt, F_OK))
    die("--orc-insecure-no-sfi: the baseline runtime %s is not built "
        "(cmake --build BUILD --target orc-runtime-nosfi)", rt);
  pushf(&libdirs, "%s/lib", rt);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--orc-insecure-no-sfi") ||
        !strncmp(a, "--orc-insecure-bench-off=", 25))
      continue;
    if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E") ||
        !strcmp(a, "-M") || !strcmp(a, "-MM") || !strcmp(a, "-fsyntax-only"))
      mode = COMPILE;
    else if (!strcmp(a, "-shared"))
      shared = 1;
    else if (!strcmp(a, "-nostdlib"))
      nostart = nolibs = 1;
    else if (!strcmp(a, "-nostartfiles"))
      nostart = 1;
    else if (!strcmp(a, "-nodefaultlibs"))
      nolibs = 1;
    else if (!strcmp(a, "-r"))
      relocatable = 1;
    else if (!strncmp(a, "-x", 2))
      lang = 1;
    else if (!strcmp(a, "-v") || !strcmp(a, "--version") ||
             !strcmp(a, "-dumpversion") || !strcmp(a, "-dumpmachine") ||
             !strncmp(a, "-print-", 7) || !strcmp(a, "-###"))
      info_only = info_only || argc == 2;
    if (!strcmp(a, "-flto") || !strncmp(a, "-flto=", 6))
      die("-flto is not supported: link-time optimisation would run after "
          "the ORC rewrite (docs/usage.md)");
    if (!strcmp(a, "-static") || !strcmp(a, "-static-pie"))
      die("%s: ORC programs are position-independent and link libc "
          "dynamically, so every cVM shares it",
          a);
    if (!strcmp(a, "-pthread")) {
      pthread = 1; /* passed on where it is used (below) */
      continue;
    }
    if (!strcmp(a, "-pie") || !strcmp(a, "-no-pie") || !strcmp(a, "-fPIE") ||
        !strcmp(a, "-fpie") || !strcmp(a, "-fPIC") || !strcmp(a, "-fpic") ||
        !strcmp(a, "-fno-PIE") || !strcmp(a, "-fno-pie") ||
        !strcmp(a, "-fno-PIC") || !strcmp(a, "-fno-pic"))
      continue; /* orc-cc decides these */
    if (!strncmp(a, "-l", 2)) {
      const char *lib = a[2] ? a + 2 : (i + 1 < argc ? argv[i + 1] : "");
      if (!a[2])
        i++;
      if (libc_alias(lib)) {
        libc = 1; /* added below, also after -nostdlib/-nodefaultlibs */
      } else {
        push(&libs, lib);
        pushf(&user, "-l%s", lib);
      }
      continue;
    }
    if (!strncmp(a, "-Wl,", 4)) {
      char *w = strdup(a), *kept = calloc(1, strlen(a) + 1);
      strcpy(kept, "-Wl");
      for (char *t = strtok(w + 4, ","); t; t = strtok(NULL, ","))
        if (!is_gc_sections(t))
          strcat(strcat(kept, ","), t);
      if (strcmp(kept, "-Wl"))
        push(&user, kept);
      continue;
    }
    if (!strcmp(a, "-Xlinker") && i + 1 < argc && is_gc_sections(argv[i + 1])) {
      i++;
      continue;
    }
    if (!strncmp(a, "-L", 2))
      push(&libdirs, a[2] ? a + 2 : (i + 1 < argc ? argv[i + 1] : ""));
    push(&user, a);
    if (takes_value(a) && i + 1 < argc) {
      push(&user, argv[++i]);
      continue;
    }
    if (is_input(a)) {
      inputs++;
      /* Checked by content: clang links any file it does not compile. */
      push(&objs, a);
      if (!is_linker_input(a))
        sources++;
    }
  }
  /* clang searches LIBRARY_PATH after the -L directories. */
  char *lp = strdup(getenv("LIBRARY_PATH") ? getenv("LIBRARY_PATH") : "");
  for (char *d = strtok(lp, ":"); d; d = strtok(NULL, ":"))
    push(&libdirs, d);

  struct args cc = {0};
  push(&cc, ORC_CLANG);
  /* The runtime as the sysroot: clang's Linux toolchain then adds no host
   * library directories (/usr/lib/x86_64-linux-gnu, GCC's) to links or to
   * what -print-search-dirs and -v report. */
  pushf(&cc, "--sysroot=%s", rt);
  if (info_only) {
    for (size_t i = 0; i < user.n; i++)
      push(&cc, user.v[i]);
    execvp(cc.v[0], cc.v);
    die("cannot run %s: %s", ORC_CLANG, strerror(errno));
  }
  pushf(&cc, "-fpass-plugin=%s/lib/orc.so", top);
  push(&cc, "-fPIC");
  /* Stack probes: a frame larger than the guard page below a cVM stack
   * would otherwise write past it into the cVM's other memory. */
  push(&cc, "-fstack-clash-protection");
  if (sfi) {
    push(&cc, "-fno-integrated-as");
    pushf(&cc, "-B%s/lib/orc-sfi", top);
    push(&cc, "-fno-plt");
    push(&cc, "-mno-red-zone");
    if (bench_off)
      pushf(&cc, "-Wa,--orc-insecure-bench-off=%s", bench_off);
  }
  push(&cc, "-nostdinc");
  pushf(&cc, "-isystem%s/include", rt);
  /* clang's own headers (intrinsics, stdarg) after musl's. */
  pushf(&cc, "-isystem%s", ORC_CLANG_RESOURCE_INCLUDE);
  /* -pthread defines _REENTRANT; in a link without sources it would only be
   * an unused argument (musl's libc holds the threads, so no -lpthread). */
  if (pthread && (mode == COMPILE || sources))
    push(&cc, "-pthread");
  int link = mode == LINK && inputs;
  int startfiles = link && !nostart && !relocatable;
  if (link) {
    sfi_link = sfi && !bench_off;
    for (size_t i = 0; i < objs.n; i++)
      check_input(bindir, objs.v[i]);
    for (size_t i = 0; i < libs.n; i++)
      check_library(bindir, libs.v[i], &libdirs);
    push(&cc, "-fuse-ld=lld");
    push(&cc, "-nostdlib");
    /* GNU ld accepts version scripts naming undefined symbols; lld does
     * not by default. Build systems (zlib's, Lua's) rely on it. */
    push(&cc, "-Wl,--undefined-version");
    push(&cc, "-Wl,-z,now");
    if (!relocatable)
      pushf(&cc, "-Wl,-T,%s/lib/orc-layout.ld", top);
    if (shared) {
      push(&cc, "-Wl,-Bsymbolic");
    } else if (!relocatable) {
      push(&cc, "-pie");
      /* ./prog on the host runs it in a cVM (orc-interp.c). */
      pushf(&cc, "-Wl,--dynamic-linker=%s/bin/orc-interp", top);
    }
    if (startfiles && !shared)
      pushf(&cc, "%s/lib/crt1.o", rt);
    if (startfiles)
      pushf(&cc, "%s/lib/crti.o", rt);
  }
  for (size_t i = 0; i < user.n; i++)
    push(&cc, user.v[i]);
  if (link) {
    if (lang) /* the user's -x would apply to the files below */
      push(&cc, "-xnone");
    /* The archive before libc, whose exported __tls_get_addr would
     * otherwise win and be called through a PLT stub. */
    if (!nolibs && !relocatable)
      pushf(&cc, "%s/lib/liborc_nonshared.a", rt);
    if ((!nolibs || libc) && !relocatable) {
      pushf(&cc, "-L%s/lib", rt);
      push(&cc, "-lc");
    }
    if (startfiles)
      pushf(&cc, "%s/lib/crtn.o", rt);
  }
  if (getenv("ORC_CC_VERBOSE")) {
    for (size_t i = 0; i < cc.n; i++)
      fprintf(stderr, "%s%s", i ? " " : "", cc.v[i]);
    fputc('\n', stderr);
  }
  execvp(cc.v[0], cc.v);
  die("cannot run %s: %s", ORC_CLANG, strerror(errno));
}

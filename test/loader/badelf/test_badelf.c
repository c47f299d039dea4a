/* Hostile input: every fixture of FIXTURES_DIR must get from
 * orc_elf_parse() exactly the status and message its expectation says.
 *
 * Usage: test_badelf FIXTURES_DIR
 *
 * FIXTURES_DIR holds the fixtures and *.txt files of expectations, one a
 * line: fixture<TAB>status name<TAB>message (# starts a comment).
 * expected.txt is written by make-fixtures with the fixtures it generates;
 * fuzz-expected.txt lists the fuzzer's reproducers. Every file of the
 * directory needs exactly one expectation. Each fixture is read into a
 * buffer of its exact size, so that under AddressSanitizer a read past
 * its end is caught. Also: every proper prefix of good.so is refused. */
#include "orc_loader.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static const char *const status_names[] = {
    "ORC_OK",           "ORC_ERR_NOMEM",         "ORC_ERR_IO",
    "ORC_ERR_ELF_HEADER", "ORC_ERR_PHDR",        "ORC_ERR_SEGMENT",
    "ORC_ERR_SEGMENT_ORDER", "ORC_ERR_SEGMENT_OVERLAP", "ORC_ERR_WX",
    "ORC_ERR_SECTION",  "ORC_ERR_DYNAMIC",       "ORC_ERR_SYMBOL",
    "ORC_ERR_RELOC",    "ORC_ERR_RELOC_TYPE",    "ORC_ERR_COPY_RELOC",
    "ORC_ERR_IFUNC",    "ORC_ERR_TEXTREL",       "ORC_ERR_NO_MARKER",
    "ORC_ERR_MARKER",   "ORC_ERR_TEMPLATE",      "ORC_ERR_WRITABLE_DATA",
    "ORC_ERR_UNDEFINED", "ORC_ERR_STATE_LEAK",   "ORC_ERR_DEPENDENCY",
    "ORC_ERR_MAP",      "ORC_ERR_TLS",           "ORC_ERR_SLOTS",
};
#define NSTATUS (sizeof status_names / sizeof *status_names)
_Static_assert(NSTATUS == ORC_ERR_SLOTS + 1, "status_names is out of date");

static const char *status_name(enum orc_status st) {
  return (unsigned)st < NSTATUS ? status_names[st] : "(not an orc_status)";
}

struct expectation {
  char *fixture, *status, *msg;
  int seen;
};

static struct expectation *exps;
static size_t nexps;

static char *path_of(const char *dir, const char *file) {
  size_t n = strlen(dir) + strlen(file) + 2;
  char *p = malloc(n);
  if (!p) {
    perror("malloc");
    exit(2);
  }
  snprintf(p, n, "%s/%s", dir, file);
  return p;
}

/* The whole file in a buffer of exactly its size (NULL, 0 if empty). */
static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  unsigned char *buf = NULL;
  size_t n = 0;
  if (fseek(f, 0, SEEK_END) == 0) {
    long end = ftell(f);
    if (end > 0) {
      n = (size_t)end;
      buf = malloc(n);
      rewind(f);
      if (!buf || fread(buf, 1, n, f) != n) {
        fprintf(stderr, "%s: cannot read %zu bytes\n", path, n);
        exit(2);
      }
    }
  }
  fclose(f);
  *len = n;
  return buf;
}

static void read_expectations(const char *dir, const char *file) {
  char *path = path_of(dir, file);
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    exit(2);
  }
  char line[2048];
  int lineno = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    line[strcspn(line, "\n")] = 0;
    if (!line[0] || line[0] == '#')
      continue;
    char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2) {
      fprintf(stderr, "%s:%d: expected fixture<TAB>status<TAB>message\n", path,
              lineno);
      exit(2);
    }
    *tab1 = *tab2 = 0;
    struct expectation *grown = realloc(exps, (nexps + 1) * sizeof *exps);
    if (!grown) {
      perror("realloc");
      exit(2);
    }
    exps = grown;
    exps[nexps++] = (struct expectation){strdup(line), strdup(tab1 + 1),
                                         strdup(tab2 + 1), 0};
  }
  fclose(f);
  free(path);
}

static struct expectation *expectation_of(const char *fixture) {
  for (size_t i = 0; i < nexps; i++)
    if (!strcmp(exps[i].fixture, fixture))
      return &exps[i];
  return NULL;
}

static void check_fixture(const char *dir, struct expectation *x) {
  char *path = path_of(dir, x->fixture);
  size_t len;
  unsigned char *buf = read_file(path, &len);
  struct orc_elf elf;
  struct orc_error err;
  memset(&err, 0, sizeof err);
  enum orc_status st = orc_elf_parse(buf, len, x->fixture, &elf, &err);
  const char *msg = st == ORC_OK ? "" : err.msg;
  int ok = !strcmp(status_name(st), x->status) && !strcmp(msg, x->msg) &&
           (st == ORC_OK || err.code == st);
  if (st == ORC_OK) {
    /* A success leaves something to free; a failure nothing. */
    ok = ok && elf.nsegs > 0 && elf.name && !strcmp(elf.name, x->fixture);
    orc_elf_free(&elf);
  }
  /* Without an orc_error the status is the same. */
  enum orc_status st2 = orc_elf_parse(buf, len, x->fixture, &elf, NULL);
  if (st2 == ORC_OK)
    orc_elf_free(&elf);
  ok = ok && st2 == st;
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s\n  expected: %s: %s\n  got:      %s: %s%s\n", x->fixture,
           x->status, x->msg, status_name(st), msg,
           st2 != st ? " (and another status without an orc_error)" : "");
  }
  free(buf);
  free(path);
}

/* Every proper prefix of a valid object is refused, and cleanly. */
static void check_prefixes(const char *dir, const char *file) {
  char *path = path_of(dir, file);
  size_t len;
  unsigned char *whole = read_file(path, &len);
  size_t accepted = 0, first = 0;
  for (size_t n = 0; n < len; n++) {
    unsigned char *buf = n ? malloc(n) : NULL;
    if (n)
      memcpy(buf, whole, n);
    struct orc_elf elf;
    struct orc_error err;
    if (orc_elf_parse(buf, n, file, &elf, &err) == ORC_OK) {
      if (!accepted++)
        first = n;
      orc_elf_free(&elf);
    }
    free(buf);
  }
  if (accepted == 0) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s: %zu of its %zu proper prefixes were accepted (the "
           "shortest is %zu bytes)\n",
           file, accepted, len, first);
  }
  free(whole);
  free(path);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FIXTURES_DIR\n", argv[0]);
    return 2;
  }
  setvbuf(stdout, NULL, _IOLBF, 0);
  const char *dir = argv[1];
  DIR *d = opendir(dir);
  if (!d) {
    perror(dir);
    return 2;
  }
  char **files = NULL;
  size_t nfiles = 0;
  for (struct dirent *de; (de = readdir(d));) {
    if (de->d_name[0] == '.')
      continue;
    char **grown = realloc(files, (nfiles + 1) * sizeof *files);
    if (!grown) {
      perror("realloc");
      return 2;
    }
    files = grown;
    files[nfiles++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(files, nfiles, sizeof *files, by_name);
  for (size_t i = 0; i < nfiles; i++) {
    size_t n = strlen(files[i]);
    if (n > 4 && !strcmp(files[i] + n - 4, ".txt"))
      read_expectations(dir, files[i]);
  }
  for (size_t i = 0; i < nfiles; i++) {
    size_t n = strlen(files[i]);
    if (n > 4 && !strcmp(files[i] + n - 4, ".txt"))
      continue;
    struct expectation *x = expectation_of(files[i]);
    if (!x) {
      failed++;
      printf("FAIL %s: no expectation for it in %s/*.txt\n", files[i], dir);
      continue;
    }
    x->seen++;
    check_fixture(dir, x);
  }
  for (size_t i = 0; i < nexps; i++)
    if (!exps[i].seen) {
      failed++;
      printf("FAIL %s: %s\n", exps[i].fixture,
             expectation_of(exps[i].fixture) != &exps[i]
                 ? "more than one expectation"
                 : "expected, but not in the directory");
    }
  struct expectation *good = expectation_of("good.so");
  if (good)
    check_prefixes(dir, "good.so");
  else {
    failed++;
    printf("FAIL good.so: the valid object is missing\n");
  }
  for (size_t i = 0; i < nexps; i++) {
    free(exps[i].fixture);
    free(exps[i].status);
    free(exps[i].msg);
  }
  free(exps);
  for (size_t i = 0; i < nfiles; i++)
    free(files[i]);
  free(files);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}

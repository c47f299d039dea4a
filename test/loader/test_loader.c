/* The loader end to end on objects built by the pass with no libc: two
 * libraries and a program, 1,000 state instances called under their own
 * GS, constructors, thread-locals, and the store's dedup by content.
 *
 * Usage: test_loader IMAGES_DIR, holding img1 (prog, libmid.so,
 * libbase.so), img2 (byte-identical copies), img3 (libbase.so rebuilt with
 * one string changed). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, ...)                                                       \
  do {                                                                         \
    if (cond) {                                                                \
      passed++;                                                                \
    } else {                                                                   \
      failed++;                                                                \
      printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                   \
      printf(__VA_ARGS__);                                                     \
      printf("\n");                                                            \
    }                                                                          \
  } while (0)

#define INSTANCES 1000

static char images[4096];

static struct orc_link *load(struct orc_store *s, const char *img) {
  char dir[4200];
  snprintf(dir, sizeof dir, "%s/%s", images, img);
  struct dir_source src;
  dir_source_init(&src, dir);
  struct orc_error err = {0};
  struct orc_link *l = NULL;
  enum orc_status st = orc_link_load(s, "prog", &src.src, &l, &err);
  CHECK(st == ORC_OK, "loading %s: %s", img, err.msg);
  return st == ORC_OK ? l : NULL;
}

static const uint8_t *key_of(const struct orc_link *l, const char *name) {
  static struct orc_object_info info[8];
  static int next;
  for (size_t i = 0; i < orc_link_objects(l); i++) {
    struct orc_object_info *in = &info[next++ % 8];
    orc_link_object_info(l, i, in);
    if (strstr(in->name, name))
      return in->key;
  }
  return NULL;
}

static void test_instances(struct orc_link *l) {
  typedef void (*setup_fn)(int);
  typedef int (*check_fn)(int);
  setup_fn setup = (setup_fn)link_symbol(l, "prog_setup");
  check_fn check = (check_fn)link_symbol(l, "prog_check");
  CHECK(setup && check, "prog_setup/prog_check not found");
  if (!setup || !check)
    return;
  size_t csize = orc_link_ctable_size(l);
  struct region r;
  CHECK(region_init(&r, (size_t)INSTANCES * (orc_link_state_size(l) + 64)) == 0,
        "region");
  uint64_t *ctables = calloc((size_t)INSTANCES * csize, 8);
  struct orc_instance *inst = calloc(INSTANCES, sizeof *inst);
  int ok = 1;
  for (int i = 0; i < INSTANCES && ok; i++) {
    struct orc_error err = {0};
    ok = orc_instantiate(l, &r.alloc, ctables + (size_t)i * csize, &inst[i],
                         &err) == ORC_OK;
    CHECK(ok, "instance %d: %s", i, err.msg);
    set_gs(inst[i].ctable);
    run_constructors(&inst[i]);
    setup(i);
  }
  /* Byte-granular packing: 1,000 instances cost what their state costs. */
  CHECK(r.used <= (size_t)INSTANCES * orc_link_state_size(l),
        "region use %zu for %d instances of %zu bytes", r.used, INSTANCES,
        orc_link_state_size(l));
  int bad = 0, first_bad = -1, code = 0;
  for (int i = 0; i < INSTANCES && ok; i++) {
    set_gs(inst[i].ctable);
    int c = check(i);
    if (c && !bad++) {
      first_bad = i;
      code = c;
    }
  }
  CHECK(ok && bad == 0, "%d of %d instances lost their state (first %d, code %d)",
        bad, INSTANCES, first_bad, code);
  set_gs(NULL);
  free(inst);
  free(ctables);
  region_free(&r);
}

/* Thread-locals: the program's (local-exec) and libbase's (general-dynamic
 * through its own __tls_get_addr), per thread of each cVM. */
static void test_tls(struct orc_link *l) {
  if (!have_fsgsbase()) {
    printf("SKIP tls: the CPU or kernel lacks FSGSBASE\n");
    return;
  }
  int (*bump)(void) = (int (*)(void))link_symbol(l, "prog_tls_bump");
  CHECK(bump != NULL, "prog_tls_bump not found");
  if (!bump)
    return;
  struct region r;
  region_init(&r, 1 << 20);
  size_t csize = orc_link_ctable_size(l);
  uint64_t *ct = calloc(2 * csize, 8);
  struct orc_instance inst[2];
  void *tp[2];
  for (int i = 0; i < 2; i++) {
    struct orc_error err;
    orc_instantiate(l, &r.alloc, ct + i * csize, &inst[i], &err);
    void *area = r.alloc.alloc(&r, orc_tls_size(l), orc_tls_align(l));
    tp[i] = orc_tls_init(l, area);
  }
  int got[3];
  void *host_fs = get_fs();
  /* No libc between the FS switches: it would find our TCB, not its own. */
  set_gs(inst[0].ctable), set_fs(tp[0]), got[0] = bump(), set_fs(host_fs);
  set_gs(inst[0].ctable), set_fs(tp[0]), got[1] = bump(), set_fs(host_fs);
  set_gs(inst[1].ctable), set_fs(tp[1]), got[2] = bump(), set_fs(host_fs);
  set_gs(NULL);
  CHECK(got[0] == 101 + 4 && got[1] == 102 + 5 && got[2] == 101 + 4,
        "tls values %d %d %d, expected 105 107 105", got[0], got[1], got[2]);
  free(ct);
  region_free(&r);
}

static void test_dedup(struct orc_store *s, struct orc_link *l1) {
  struct orc_store_info si;
  orc_store_info(s, &si);
  CHECK(si.objects == 3, "store holds %zu objects after img1, expected 3",
        si.objects);
  /* The same bytes under other paths: shared, not mapped again, and the
   * same link (nothing bound again): its objects keep one user each. */
  struct orc_link *l2 = load(s, "img2");
  orc_store_info(s, &si);
  CHECK(si.objects == 3 && si.users == 3,
        "after img2 (copies): %zu objects, %zu users; expected 3 and 3",
        si.objects, si.users);
  CHECK(l2 == l1, "a load of the same files did not reuse the link in use");
  CHECK(l2 && link_symbol(l1, "prog_check") == link_symbol(l2, "prog_check"),
        "the copy of prog is not the same mapping");
  /* One byte changed in libbase: it is mapped again, and so are libmid
   * (same bytes, but its imports resolve to another libbase) and prog. */
  struct orc_link *l3 = load(s, "img3");
  orc_store_info(s, &si);
  CHECK(si.objects == 6, "after img3 (libbase rebuilt): %zu objects, expected 6",
        si.objects);
  if (l3) {
    CHECK(memcmp(key_of(l1, "libbase"), key_of(l3, "libbase"), ORC_KEY_BYTES),
          "a rebuilt libbase got the old key");
    CHECK(memcmp(key_of(l1, "libmid"), key_of(l3, "libmid"), ORC_KEY_BYTES),
          "libmid linked against another libbase got the same key");
    test_instances(l3);
  }
  orc_link_release(l2);
  orc_link_release(l3);
  orc_store_info(s, &si);
  CHECK(si.objects == 3 && si.users == 3,
        "after releasing img2 and img3: %zu objects, %zu users", si.objects,
        si.users);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s IMAGES_DIR\n", argv[0]);
    return 2;
  }
  setvbuf(stdout, NULL, _IOLBF, 0);
  snprintf(images, sizeof images, "%s", argv[1]);
  struct orc_store *s = orc_store_new();
  /* This harness calls the objects' functions from host code, so they
   * are built without SFI (their masked returns could not come back to
   * it) and would be refused; the verifier's refusals are loader-verify's
   * and the escape suite's to test. */
  orc_store_allow_unverified(s);
  struct orc_link *l = load(s, "img1");
  if (l) {
    test_instances(l);
    test_tls(l);
    test_dedup(s, l);
    orc_link_release(l);
  }
  struct orc_store_info si;
  orc_store_info(s, &si);
  CHECK(si.objects == 0, "store not empty after the last release: %zu",
        si.objects);
  orc_store_free(s);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}

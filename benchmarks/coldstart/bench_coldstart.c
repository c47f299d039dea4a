/* Cold start: create -> main -> exit of hello, Lua and SQLite cVMs,
 * against posix_spawn + waitpid of the same programs built natively with
 * musl, statically and dynamically linked, all measured in the same run.
 * Median and p99 over RUNS starts per case, and starts per second on one
 * core (every process and thread pinned to one CPU, 0 unless -c says).
 *
 * Four cases per program:
 *   static    posix_spawn + waitpid of WORKDIR/static/FILE (musl-gcc -static)
 *   dynamic   the same of WORKDIR/dynamic/bin/FILE (musl's loader, the
 *             workload's library as a -fPIC shared object)
 *   cvm-warm  cvm_create + cvm_start + cvm_wait from WORKDIR/images/NAME,
 *             while another cVM of the image holds libc, the library and
 *             the program in the store (any deployment with more than one
 *             tenant)
 *   cvm-cold  the same with an empty store: every start maps them all
 *
 * The time of a start runs from posix_spawn (cvm_create) to waitpid
 * (cvm_wait) returning; starts/s divides the runs by the time of all of
 * them, cvm_destroy included. Every run's stdout goes to a pipe and is
 * compared, outside the timing, with what the program must print. The
 * runs of a program are made in ROUNDS rounds, each a batch of every case
 * in turn, so that a burst of load on a shared machine falls on all the
 * cases alike rather than on one.
 *
 * The native baselines run in a helper process forked before the monitor
 * is confined: monitor_confine installs a seccomp filter on the whole
 * process that refuses fork and execve (and every child would inherit
 * it). Whatever the report needs from the host (the images, the output
 * files, the machine's description, /proc/loadavg) is opened before too.
 *
 * Usage: bench_coldstart [-n RUNS] [-p hello,lua,sqlite] [-c CPU] [-o OUTDIR] WORKDIR
 * OUTDIR may hold strftime conversions (coldstart-%F); it receives
 * coldstart.csv and coldstart.md. The table is printed to stdout either
 * way. */
#define _GNU_SOURCE
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct program {
  const char *name;   /* in the table, and for -p */
  const char *file;   /* bin/FILE in the image, static/FILE, dynamic/bin/FILE */
  char *args[6];      /* after argv[0] */
  const char *expect; /* its whole stdout */
};

/* The SQLite shell reads ~/.sqliterc, finding home through getpwuid and
 * then $HOME; -init names the file instead, the same in both worlds (the
 * images carry an empty /dev/null, as workloads/make-images does). */
static const struct program programs[] = {
    {"hello", "hello", {NULL}, "hello\n"},
    {"lua", "lua", {"-e", "print(\"hello from lua\")", NULL}, "hello from lua\n"},
    {"sqlite", "sqlite3",
     {"-init", "/dev/null", ":memory:", "select 'hello from sqlite', 6*7;", NULL},
     "hello from sqlite|42\n"},
};
#define NPROGRAMS (int)(sizeof programs / sizeof *programs)

enum kind { STATIC, DYNAMIC, WARM, COLD, NKINDS };
static const char *const kind_key[NKINDS] = {"static", "dynamic", "cvm-warm", "cvm-cold"};
static const char *const kind_label[NKINDS] = {
    "posix_spawn + waitpid, static musl", "posix_spawn + waitpid, dynamic musl",
    "cVM, warm store", "cVM, cold store (everything mapped each time)"};

#define QUOTA (64u << 20) /* each cVM's memory quota */
#define ROUNDS 10

/* The runs of one case so far: start -> exit of each, and the time of
 * the loops that made them (teardown included, output checks not). */
struct series {
  double *t;
  int n;
  double busy;
};

struct result {
  int runs;
  double median, p99, mean, min, max; /* ns */
  double per_second;
};

static const char *workdir;
static int devnull;
static int tty; /* stderr is a terminal: one progress line, redrawn */
static int cpu;  /* the one CPU everything runs on */

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static struct result summarise(struct series *s) {
  double *t = s->t, sum = 0;
  int n = s->n;
  for (int i = 0; i < n; i++)
    sum += t[i];
  qsort(t, (size_t)n, sizeof *t, cmp);
  return (struct result){.runs = n, .median = t[n / 2], .p99 = t[(int)(0.99 * (n - 1))],
                         .mean = sum / n, .min = t[0], .max = t[n - 1],
                         .per_second = n / (s->busy / 1e9)};
}

static void __attribute__((format(printf, 1, 2), noreturn)) die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, tty ? "\nbench_coldstart: " : "bench_coldstart: ");
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

/* Before each batch: "coldstart [2/3] lua, round 4/10: cVM, warm store"
 * redrawn on a terminal, else a line a round without the case. NULL: the
 * end. */
static void progress(const char *round, const char *kind, int first) {
  if (tty)
    fprintf(stderr, "\r\033[K%s%s%s", round ? round : "", kind ? ": " : "", kind ? kind : "");
  else if (round && first)
    fprintf(stderr, "%s\n", round);
}

/* ---------------------------------------------------------------- output check */

/* Every run writes its stdout into a pipe, read back after the run. */
struct capture {
  int r, w;
};

static struct capture capture_open(void) {
  int p[2];
  if (pipe2(p, O_CLOEXEC))
    die("pipe: %s", strerror(errno));
  fcntl(p[0], F_SETFL, O_NONBLOCK);
  return (struct capture){p[0], p[1]};
}

static void capture_close(struct capture c) {
  close(c.r);
  close(c.w);
}

static void capture_check(struct capture c, const struct program *p, const char *what) {
  char buf[4096];
  size_t n = 0;
  ssize_t k;
  while (n < sizeof buf - 1 && (k = read(c.r, buf + n, sizeof buf - 1 - n)) > 0)
    n += (size_t)k;
  buf[n] = 0;
  if (strcmp(buf, p->expect)) {
    fprintf(stderr, "%sbench_coldstart: %s printed:\n%s", tty ? "\n" : "", what, buf);
    die("(expected: %s)", p->expect);
  }
}

/* ---------------------------------------------------------------- native processes */

/* n spawns of the program's native build; adds them to s. */
static void spawn_batch(const struct program *p, enum kind k, int n, struct series *s) {
  char path[PATH_MAX], what[PATH_MAX + 32];
  snprintf(path, sizeof path, k == STATIC ? "%s/static/%s" : "%s/dynamic/bin/%s", workdir,
           p->file);
  snprintf(what, sizeof what, "%s (%s)", path, kind_key[k]);
  char *argv[8] = {path}, *envp[] = {NULL};
  for (int i = 0; p->args[i]; i++)
    argv[i + 1] = p->args[i];
  struct capture out = capture_open();
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, devnull, 0);
  posix_spawn_file_actions_adddup2(&fa, out.w, 1);
  for (int i = 0; i < n; i++) {
    double t0 = now_ns();
    pid_t pid;
    int status, e = posix_spawn(&pid, path, &fa, NULL, argv, envp);
    if (e)
      die("cannot spawn %s: %s", path, strerror(e));
    if (waitpid(pid, &status, 0) != pid)
      die("waitpid: %s", strerror(errno));
    if (status)
      die("%s failed: %s %d", what, WIFSIGNALED(status) ? "signal" : "exit status",
          WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    double t = now_ns() - t0;
    s->t[s->n++] = t;
    s->busy += t;
    capture_check(out, p, what);
  }
  posix_spawn_file_actions_destroy(&fa);
  capture_close(out);
}

/* The helper process that makes them: asked for a batch, it answers
 * with the batch's busy time and its n times. */
struct request {
  int program, kind, n;
};
static int to_helper = -1, from_helper = -1;
static pid_t helper_pid;

static void helper_start(int runs) {
  int q[2], a[2];
  if (pipe2(q, O_CLOEXEC) || pipe2(a, O_CLOEXEC))
    die("pipe: %s", strerror(errno));
  helper_pid = fork();
  if (helper_pid < 0)
    die("fork: %s", strerror(errno));
  if (helper_pid == 0) {
    close(q[1]);
    close(a[0]);
    struct request rq;
    struct series s = {calloc((size_t)runs, sizeof(double)), 0, 0};
    while (read(q[0], &rq, sizeof rq) == sizeof rq && rq.n <= runs) {
      s.n = 0;
      s.busy = 0;
      spawn_batch(&programs[rq.program], rq.kind, rq.n, &s);
      size_t len = (size_t)s.n * sizeof *s.t;
      if (write(a[1], &s.busy, sizeof s.busy) != sizeof s.busy ||
          write(a[1], s.t, len) != (ssize_t)len)
        _exit(1);
    }
    _exit(0);
  }
  close(q[0]);
  close(a[1]);
  to_helper = q[1];
  from_helper = a[0];
}

static int read_all(int fd, void *buf, size_t len) {
  for (size_t got = 0; got < len;) {
    ssize_t k = read(fd, (char *)buf + got, len - got);
    if (k <= 0)
      return -1;
    got += (size_t)k;
  }
  return 0;
}

static void spawns(int program, enum kind k, int n, struct series *s) {
  struct request rq = {program, k, n};
  double busy;
  if (write(to_helper, &rq, sizeof rq) != sizeof rq || read_all(from_helper, &busy, sizeof busy) ||
      read_all(from_helper, s->t + s->n, (size_t)n * sizeof *s->t))
    exit(1); /* the helper said why */
  s->n += n;
  s->busy += busy;
}

/* The helper ends when its pipe closes (the confined monitor cannot wait). */
static void helper_stop(void) { close(to_helper); }

/* ---------------------------------------------------------------- cVMs */

static struct cvm *make(const struct program *p, int root, int out) {
  char path[PATH_MAX], err[600];
  snprintf(path, sizeof path, "/bin/%s", p->file);
  struct cvm_config cfg = {.name = p->name, .program = path, .rootfd = root,
                           .quota = QUOTA, .stdio = {devnull, out, 2}};
  struct cvm *c;
  if (cvm_create(monitor_store(), &cfg, &c, err, sizeof err))
    die("%s: %s", p->name, err);
  return c;
}

static size_t store_objects(void) {
  struct orc_store_info si;
  orc_store_info(monitor_store(), &si);
  return si.objects;
}

/* n starts of the program's cVM; adds them to s. */
static void cvm_batch(const struct program *p, enum kind k, int root, int n, struct series *s) {
  char path[PATH_MAX], what[128];
  snprintf(path, sizeof path, "/bin/%s", p->file);
  snprintf(what, sizeof what, "the %s cVM (%s)", p->name, kind_key[k]);
  char *argv[8] = {path}, *envp[] = {NULL};
  for (int i = 0; p->args[i]; i++)
    argv[i + 1] = p->args[i];
  struct capture out = capture_open();
  for (int i = 0; i < n; i++) {
    double t0 = now_ns();
    struct cvm *c = make(p, root, out.w);
    char err[600];
    if (cvm_start(c, argv, envp, err, sizeof err) < 0)
      die("%s did not start: %s", what, err);
    int status = cvm_wait(c);
    if (status)
      die("%s failed: status %d", what, status);
    s->t[s->n++] = now_ns() - t0;
    cvm_destroy(c);
    s->busy += now_ns() - t0;
    capture_check(out, p, what);
  }
  capture_close(out);
}

/* ---------------------------------------------------------------- report */

static struct result results[NPROGRAMS][NKINDS];
static int selected[NPROGRAMS];
static size_t objects[NPROGRAMS]; /* in the store while a cVM of the image lives */

static void table(FILE *f) {
  fprintf(f, "| program | start -> main -> exit, one core | runs | median | p99 | starts/s "
             "| vs static (median) | vs dynamic (median) |\n");
  fprintf(f, "|---|---|---|---|---|---|---|---|\n");
  for (int p = 0; p < NPROGRAMS; p++) {
    if (!selected[p])
      continue;
    for (int k = 0; k < NKINDS; k++) {
      struct result *r = &results[p][k];
      fprintf(f, "| %s | %s | %d | %.1f us | %.1f us | %.0f | %.2f | %.2f |\n", programs[p].name,
              kind_label[k], r->runs, r->median / 1e3, r->p99 / 1e3, r->per_second,
              r->median / results[p][STATIC].median, r->median / results[p][DYNAMIC].median);
    }
  }
}

static void write_csv(FILE *f) {
  fprintf(f, "program,case,runs,median_us,p99_us,mean_us,min_us,max_us,starts_per_s,"
             "vs_static_median,vs_dynamic_median\n");
  for (int p = 0; p < NPROGRAMS; p++) {
    if (!selected[p])
      continue;
    for (int k = 0; k < NKINDS; k++) {
      struct result *r = &results[p][k];
      fprintf(f, "%s,%s,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.0f,%.3f,%.3f\n", programs[p].name,
              kind_key[k], r->runs, r->median / 1e3, r->p99 / 1e3, r->mean / 1e3, r->min / 1e3,
              r->max / 1e3, r->per_second, r->median / results[p][STATIC].median,
              r->median / results[p][DYNAMIC].median);
    }
  }
  fclose(f);
}

static void cpu_model(char *out, size_t n) {
  snprintf(out, n, "unknown CPU");
  FILE *f = fopen("/proc/cpuinfo", "r");
  char line[256];
  while (f && fgets(line, sizeof line, f)) {
    char *v = strchr(line, ':');
    if (!strncmp(line, "model name", 10) && v) {
      snprintf(out, n, "%s", v + 2);
      out[strcspn(out, "\n")] = 0;
      break;
    }
  }
  if (f)
    fclose(f);
}

/* The 1-minute load average: how busy the machine was around the run
 * (/proc/loadavg, opened before confinement and read again). */
static int loadavg_fd = -1;
static double loadavg(void) {
  char buf[64];
  double l = -1;
  ssize_t n = pread(loadavg_fd, buf, sizeof buf - 1, 0);
  buf[n > 0 ? n : 0] = 0;
  if (sscanf(buf, "%lf", &l) != 1)
    l = -1;
  return l;
}

/* The machine, described before confinement. */
static char model[200];
static struct utsname uts;
static long ncpus;

static void write_md(FILE *f, const char *date, int runs, double seconds,
                     const double load[2]) {
  fprintf(f, "# Cold start: create -> main -> exit, %s\n\n", date);
  fprintf(f, "`cmake --build build --target bench-coldstart` (benchmarks/coldstart/), "
             "on %s (%ld CPUs online), Linux %s; every process and cVM thread pinned to "
             "CPU %d. %d runs per case, in %d rounds of every case in turn; the whole run "
             "took %.0f s, load average (1 min) %.2f before and %.2f after.\n\n",
          model, ncpus, uts.release, cpu, runs, ROUNDS, seconds, load[0],
          load[1]);
  fprintf(f, "Programs (the stdout of every run checked; in parentheses, the objects a cVM of "
             "the image has in the store):\n\n");
  for (int p = 0; p < NPROGRAMS; p++) {
    if (!selected[p])
      continue;
    fprintf(f, "- %s: `%s", programs[p].name, programs[p].file);
    for (int i = 0; programs[p].args[i]; i++)
      fprintf(f, strchr(programs[p].args[i], '\'') ? " \"%s\""
                 : strpbrk(programs[p].args[i], " ()\"") ? " '%s'" : " %s",
              programs[p].args[i]);
    fprintf(f, "` (%zu objects)\n", objects[p]);
  }
  fprintf(f, "\nCases: posix_spawn + waitpid of the program built with musl-gcc, static "
             "(the workloads' native builds) and dynamic (musl's loader; libraries -fPIC "
             "shared objects, build-dynamic), from a helper process without the monitor's "
             "seccomp filter; cvm_create + cvm_start + cvm_wait in the monitor with another "
             "cVM of the image keeping everything in the store (warm) or with an empty store "
             "(cold: libc, the library and the program mapped each time). Median and p99 of "
             "start -> exit; starts/s = runs / the loop's time, cvm_destroy included.\n\n");
  table(f);
  fclose(f);
}

static void mkdir_p(const char *dir) {
  char p[PATH_MAX];
  snprintf(p, sizeof p, "%s", dir);
  for (char *s = p + 1; *s; s++)
    if (*s == '/') {
      *s = 0;
      mkdir(p, 0777);
      *s = '/';
    }
  if (mkdir(p, 0777) && errno != EEXIST)
    die("cannot create %s: %s", p, strerror(errno));
}

/* ---------------------------------------------------------------- main */

static void usage(void) {
  fprintf(stderr, "usage: bench_coldstart [-n RUNS] [-p hello,lua,sqlite] [-c CPU] [-o OUTDIR] "
                  "WORKDIR\n");
  exit(2);
}

int main(int argc, char **argv) {
  int runs = 1000, opt;
  const char *list = "hello,lua,sqlite", *outdir = NULL;
  while ((opt = getopt(argc, argv, "n:p:c:o:")) != -1) {
    switch (opt) {
    case 'n': runs = atoi(optarg); break;
    case 'c': cpu = atoi(optarg); break;
    case 'p': list = optarg; break;
    case 'o': outdir = optarg; break;
    default: usage();
    }
  }
  if (optind != argc - 1 || runs < 1)
    usage();
  workdir = argv[optind];
  char *names = strdup(list);
  for (char *s, *w = strtok_r(names, ",", &s); w; w = strtok_r(NULL, ",", &s)) {
    int p = 0;
    while (p < NPROGRAMS && strcmp(programs[p].name, w))
      p++;
    if (p == NPROGRAMS)
      die("no program '%s' (hello, lua, sqlite)", w);
    selected[p] = 1;
  }
  tty = isatty(2);
  double start = now_ns(), load[2] = {0, 0};
  time_t wall = time(NULL);

  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  if (sched_setaffinity(0, sizeof one, &one)) /* inherited by the helper, threads, children */
    die("cannot run on CPU %d: %s", cpu, strerror(errno));
  devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
  loadavg_fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
  load[0] = loadavg();
  cpu_model(model, sizeof model);
  uname(&uts);
  ncpus = sysconf(_SC_NPROCESSORS_ONLN);
  char dir[PATH_MAX], date[32], path[PATH_MAX + 32];
  FILE *csv = NULL, *md = NULL;
  if (outdir) {
    struct tm tm;
    localtime_r(&wall, &tm);
    strftime(dir, sizeof dir, outdir, &tm);
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    mkdir_p(dir);
    snprintf(path, sizeof path, "%s/coldstart.csv", dir);
    if (!(csv = fopen(path, "w")))
      die("cannot write %s: %s", path, strerror(errno));
    snprintf(path, sizeof path, "%s/coldstart.md", dir);
    if (!(md = fopen(path, "w")))
      die("cannot write %s: %s", path, strerror(errno));
  }
  int roots[NPROGRAMS];
  for (int p = 0; p < NPROGRAMS; p++) {
    char img[PATH_MAX];
    snprintf(img, sizeof img, "%s/images/%s", workdir, programs[p].name);
    roots[p] = selected[p] ? open(img, O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
    if (selected[p] && roots[p] < 0)
      die("cannot open the image %s: %s", img, strerror(errno));
  }
  helper_start(runs); /* before confinement: no seccomp filter there */
  monitor_init();
  char err[600];
  struct monitor_plan plan = {NULL, 2, 16}; /* the anchor and the measured */
  if (monitor_confine(&plan, err, sizeof err))
    die("%s", err);

  int nsel = 0, step = 0;
  for (int p = 0; p < NPROGRAMS; p++)
    nsel += selected[p];
  for (int p = 0; p < NPROGRAMS; p++) {
    if (!selected[p])
      continue;
    const struct program *pr = &programs[p];
    char what[200];
    int root = roots[p];
    struct series s[NKINDS];
    for (int k = 0; k < NKINDS; k++)
      s[k] = (struct series){calloc((size_t)runs, sizeof(double)), 0, 0};
    step++;
    for (int round = 0; round < ROUNDS; round++) {
      int n = runs / ROUNDS + (round < runs % ROUNDS); /* the rounds add up to runs */
      for (int k = 0; k < NKINDS && n; k++) {
        snprintf(what, sizeof what, "coldstart [%d/%d] %s, round %d/%d", step, nsel,
                 pr->name, round + 1, ROUNDS);
        progress(what, kind_label[k], k == 0);
        if (k == STATIC || k == DYNAMIC) {
          spawns(p, k, n, &s[k]);
        } else if (k == WARM) {
          struct cvm *anchor = make(pr, root, devnull); /* holds everything in the store */
          objects[p] = store_objects();
          cvm_batch(pr, k, root, n, &s[k]);
          cvm_destroy(anchor);
        } else {
          if (store_objects())
            die("the store is not empty before the cold case of %s", pr->name);
          cvm_batch(pr, k, root, n, &s[k]);
        }
      }
    }
    for (int k = 0; k < NKINDS; k++) {
      results[p][k] = summarise(&s[k]);
      free(s[k].t);
    }
    close(root);
  }
  progress(NULL, NULL, 0);
  helper_stop();
  double seconds = (now_ns() - start) / 1e9;
  load[1] = loadavg();

  table(stdout);
  fprintf(stderr, "coldstart: %d runs per case, %.0f s in all\n", runs, seconds);
  if (outdir) {
    write_csv(csv);
    write_md(md, date, runs, seconds, load);
    fprintf(stderr, "coldstart: wrote %s/coldstart.csv and coldstart.md\n", dir);
  }
  return 0;
}

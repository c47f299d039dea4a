/* orc-interp: the program interpreter (PT_INTERP) that orc-cc writes into
 * ORC programs, so that running one directly -- ./prog, as configure does
 * with its test programs -- runs it in a cVM:
 *
 *   orc run --root / --cwd $PWD --lib RUNTIME_LIB --inherit-env PROG ARGS
 *
 * with the host's root and the caller's directory, so it sees the files a
 * native program would (this is for building and trying programs, not
 * for confining them: `orc run --root` and `orc deploy` do that).
 *
 * The kernel starts it on the program's initial stack before any libc, so
 * it is freestanding: raw system calls, no allocation. */

#define SYS_write 1
#define SYS_execve 59
#define SYS_getcwd 79
#define SYS_exit_group 231
#define AT_EXECFN 31
#define PATH 4096

static long sys3(long nr, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "0"(nr), "D"(a), "S"(b), "d"(c)
                   : "rcx", "r11", "memory");
  return r;
}

static unsigned long len(const char *s) {
  unsigned long n = 0;
  while (s[n])
    n++;
  return n;
}

static void die(const char *what) {
  static const char pre[] = "orc-interp: cannot run the monitor ";
  sys3(SYS_write, 2, (long)pre, sizeof pre - 1);
  sys3(SYS_write, 2, (long)what, (long)len(what));
  sys3(SYS_write, 2, (long)"\n", 1);
  sys3(SYS_exit_group, 127, 0, 0);
}

static char cwd[PATH], program[2 * PATH];
static char *args[4096];

__attribute__((used)) void interp_main(long *sp) {
  long argc = sp[0];
  char **argv = (char **)(sp + 1), **envp = argv + argc + 1, **e = envp;
  while (*e)
    e++;
  const char *execfn = argc ? argv[0] : "";
  for (unsigned long *aux = (unsigned long *)(e + 1); aux[0]; aux += 2)
    if (aux[0] == AT_EXECFN)
      execfn = (const char *)aux[1];
  if (sys3(SYS_getcwd, (long)cwd, sizeof cwd, 0) < 0)
    die("(getcwd failed)");
  unsigned long n = 0;
  if (execfn[0] != '/') { /* the cVM is given an absolute path */
    for (unsigned long i = 0; cwd[i]; i++)
      program[n++] = cwd[i];
    program[n++] = '/';
  }
  for (unsigned long i = 0; execfn[i] && n < sizeof program - 1; i++)
    program[n++] = execfn[i];
  program[n] = 0;
  long k = 0;
  static char *const fixed[] = {ORC_MONITOR, "run", "--root", "/",
                                "--cwd", cwd, "--lib", ORC_RUNTIME_LIB,
                                "--inherit-env"};
  for (unsigned long i = 0; i < sizeof fixed / sizeof *fixed; i++)
    args[k++] = fixed[i];
  args[k++] = program;
  for (long i = 1; i < argc && k < 4095; i++)
    args[k++] = argv[i];
  args[k] = 0;
  sys3(SYS_execve, (long)ORC_MONITOR, (long)args, (long)envp);
  die(ORC_MONITOR);
}

__asm__(".globl _start\n_start:\n xor %rbp, %rbp\n mov %rsp, %rdi\n"
        " and $-16, %rsp\n call interp_main\n hlt\n");

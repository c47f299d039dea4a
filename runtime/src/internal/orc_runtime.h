/* What the runtime's own code shares inside libc.so (not the monitor:
 * that is orc_abi.h). No name here begins with __orc_: these touch state,
 * and the pass leaves __orc_ names alone. */
#ifndef ORC_RUNTIME_H
#define ORC_RUNTIME_H

#include <stddef.h>
#include <features.h>
#include "orc_abi.h"

/* The value of auxv entry `type` on the cVM's initial stack, 0 if absent.
 * Valid once __init_libc has set libc.auxv. */
hidden size_t __cvm_auxv(size_t type);

/* The link's static TLS (AT_ORC_TLS), set by __init_tls. */
extern hidden const struct orc_tls_desc *__cvm_tls;

#endif

/* What the runtime's own code shares inside libc.so (not the monitor:
 * that is orc_abi.h). No name here begins with __orc_: these touch state,
 * and the pass leaves __orc_ names alone. */
#ifndef ORC_RUNTIME_H
#define ORC_RUNTIME_H

#include <stddef.h>
#include <features.h>
#include "orc_abi.h"
#include "orc_format.h" /* the project's include/, on the runtime's -I */

/* State musl's start-up writes in every cVM (__libc, __hwcap, __progname,
 * __environ, the stack canary, __cvm_tls): zero-initialised, yet placed
 * with the initialised state on the template's first page, not among the
 * zeroes on a page of its own (patch 0007). */
#define ORC_WRITTEN_AT_START __attribute__((__section__(ORC_SECTION_STATE)))

/* The value of auxv entry `type` on the cVM's initial stack, 0 if absent.
 * Valid once __init_libc has set libc.auxv. */
hidden size_t __cvm_auxv(size_t type);

/* The link's static TLS (AT_ORC_TLS), set by __init_tls. */
extern hidden const struct orc_tls_desc *__cvm_tls;

#endif

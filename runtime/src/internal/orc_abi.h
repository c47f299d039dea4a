/* The cVM runtime ABI in C: what the runtime (musl built with orc.so)
 * and the monitor agree on. docs/runtime-abi.md is the prose version.
 *
 * Self-contained (only <stdint.h>) so the monitor and the loader (which
 * fills struct orc_tls_desc) can include it too. */
#ifndef ORC_ABI_H
#define ORC_ABI_H

#include <stdint.h>

/* Hostcall numbers above 1000 are ORC operations; below, Linux x86-64
 * system call numbers with the kernel's argument and result conventions. */
/* fn(arg) runs on stack with the thread pointer tp; fn is a bundle start
 * (its low 5 bits are ignored) and never returns: it ends the thread with
 * exit (60), whose tid word ctid the monitor clears, as for clone. */
#define ORC_HC_THREAD_START 1001 /* fn, arg, stack, tp, ctid, ptid -> tid */
#define ORC_HC_EXIT_CVM 1002     /* status; does not return */

/* The cVM window (docs/sfi.md section 1): GS = W for every thread of a
 * cVM, and its capability table lies at W + ORC_CTABLE_OFFSET, read-only
 * to the cVM (the first 64 KiB of a window are never mapped): slot 0 the
 * hostcall gate, slot 1 W itself. The hostcall is `call *%gs:0x10000`
 * and W is `%gs:0x10008`. */
#define ORC_CTABLE_OFFSET 0x10000
#define ORC_SLOT_WINDOW 1

/* Extra auxv entries on a cVM's initial stack. */
#define AT_ORC_INIT 0x1000 /* NULL-terminated array of constructors */
#define AT_ORC_FINI 0x1001 /* NULL-terminated array of destructors */
#define AT_ORC_TLS 0x1002  /* const struct orc_tls_desc * */

/* One object's TLS block, as the loader laid it out for the link. */
struct orc_tls_module {
	uint64_t modid;  /* dtv index: the object's slot */
	uint64_t image;  /* address of the initialisation image (shared) */
	uint64_t len;    /* bytes of the image (p_filesz) */
	uint64_t size;   /* bytes of the block (p_memsz); the rest is zero */
	uint64_t offset; /* the block lies at thread pointer - offset */
};

/* The link's static TLS, for the initial thread and every new one.
 * Lives in cVM-readable memory, unchanged, for the cVM's lifetime. */
struct orc_tls_desc {
	uint64_t version;  /* ORC_TLS_DESC_VERSION */
	uint64_t tcb_room; /* bytes at the initial thread's pointer free for
	                      the runtime's thread control block */
	uint64_t size;     /* bytes below the thread pointer (every block) */
	uint64_t align;    /* alignment of the thread pointer (power of 2) */
	uint64_t dtv_len;  /* entries of a dtv: every modid is below it */
	uint64_t nmodules;
	struct orc_tls_module modules[];
};
#define ORC_TLS_DESC_VERSION 1

#endif

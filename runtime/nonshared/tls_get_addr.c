/* __tls_get_addr for general- and local-dynamic TLS, linked into every
 * ORC object that uses it (liborc_nonshared.a, hidden).
 *
 * orc-as writes the TLS call as a direct call (docs/sfi.md, "TLS"), which
 * the linker keeps as such only when the callee is in the same object;
 * an import would get a PLT stub, code no stage of ours made. In a
 * program the linker relaxes the call away. The thread control block is
 * { self, dtv } (loader/tls.c, as musl's struct pthread), and the
 * dtv's entries are indexed by the module ids the loader gives (the
 * objects' slots), so this is musl's own __tls_get_addr. */
#include <stddef.h>
#include <stdint.h>

__attribute__((visibility("hidden")))
void *__tls_get_addr(const size_t *ti)
{
	uintptr_t *tcb;
	__asm__ ("mov %%fs:0, %0" : "=r"(tcb));
	const uintptr_t *dtv = (const uintptr_t *)tcb[1];
	return (void *)(dtv[ti[0]] + ti[1]);
}

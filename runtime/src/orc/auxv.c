#include "libc.h"
#include "orc_runtime.h"

size_t __cvm_auxv(size_t type)
{
	for (size_t *a = libc.auxv; *a; a += 2)
		if (a[0] == type) return a[1];
	return 0;
}

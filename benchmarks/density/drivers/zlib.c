/* zlib: compress and uncompress a 64 KiB buffer, then stay alive with a
 * deflate stream open (common.h). */
#include "common.h"
#include <zlib.h>

static unsigned char in[65536], out[70000], back[65536];

int main(int argc, char **argv)
{
	for (size_t i = 0; i < sizeof in; i++) in[i] = "density benchmark "[i % 18] ^ (i >> 10);
	uLongf n = sizeof out, m = sizeof back;
	if (compress2(out, &n, in, sizeof in, 6) != Z_OK) return 1;
	if (uncompress(back, &m, out, n) != Z_OK || memcmp(in, back, sizeof in)) return 1;
	z_stream s;
	memset(&s, 0, sizeof s);
	if (deflateInit(&s, 9) != Z_OK) return 1;
	printf("zlib: %lu -> %lu\n", (unsigned long)sizeof in, (unsigned long)n);
	fflush(stdout);
	ready_and_wait(argc, argv);
}

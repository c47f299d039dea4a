/* zbench CORPUS [BYTES]: zlib's deflate at levels 1, 6 and 9 and inflate
 * of the first BYTES bytes of CORPUS (all of it by default), through
 * zlib's stream API with the whole input and output in memory. Prints the
 * input's size and crc32, and per level the compressed size, the crc32 of
 * the compressed bytes and whether inflate gave the input back. Exit status
 * 1 if any round trip differs. The benchmark for docs/runtime-overhead.md:
 * built once with orc-cc (run in a cVM) and once natively. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

static unsigned char *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  struct stat st;
  if (!f || fstat(fileno(f), &st) || st.st_size <= 0) {
    if (f)
      fclose(f);
    return NULL;
  }
  unsigned char *buf = malloc((size_t)st.st_size);
  *size = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
  fclose(f);
  if (buf && *size != (size_t)st.st_size) {
    free(buf);
    buf = NULL;
  }
  return buf;
}

static size_t deflate_all(const unsigned char *in, size_t n, unsigned char *out,
                          size_t cap, int level) {
  z_stream s;
  memset(&s, 0, sizeof s);
  if (deflateInit(&s, level) != Z_OK)
    return 0;
  s.next_in = (unsigned char *)in;
  s.avail_in = (uInt)n;
  s.next_out = out;
  s.avail_out = (uInt)cap;
  int r = deflate(&s, Z_FINISH);
  size_t size = s.total_out;
  deflateEnd(&s);
  return r == Z_STREAM_END ? size : 0;
}

static size_t inflate_all(const unsigned char *in, size_t n, unsigned char *out,
                          size_t cap) {
  z_stream s;
  memset(&s, 0, sizeof s);
  if (inflateInit(&s) != Z_OK)
    return 0;
  s.next_in = (unsigned char *)in;
  s.avail_in = (uInt)n;
  s.next_out = out;
  s.avail_out = (uInt)cap;
  int r = inflate(&s, Z_FINISH);
  size_t size = s.total_out;
  inflateEnd(&s);
  return r == Z_STREAM_END ? size : (size_t)-1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: zbench CORPUS [BYTES]\n");
    return 2;
  }
  size_t n;
  unsigned char *in = read_file(argv[1], &n);
  if (!in) {
    fprintf(stderr, "zbench: cannot read %s\n", argv[1]);
    return 2;
  }
  if (argc > 2 && strtoul(argv[2], NULL, 10) < n)
    n = strtoul(argv[2], NULL, 10);
  size_t cap = deflateBound(NULL, (uLong)n);
  unsigned char *z = malloc(cap), *back = malloc(n + 1);
  if (!z || !back)
    return 2;
  printf("zlib %s input %zu bytes crc32 %08lx\n", zlibVersion(), n,
         crc32(0, in, (uInt)n));
  int bad = 0;
  static const int levels[] = {1, 6, 9};
  for (int i = 0; i < 3; i++) {
    size_t zn = deflate_all(in, n, z, cap, levels[i]);
    size_t bn = zn ? inflate_all(z, zn, back, n + 1) : (size_t)-1;
    int ok = bn == n && !memcmp(in, back, n);
    bad |= !ok;
    printf("level %d: %zu bytes (%.2f%%) crc32 %08lx, round trip %s\n",
           levels[i], zn, n ? 100.0 * (double)zn / (double)n : 0.0,
           crc32(0, z, (uInt)zn), ok ? "ok" : "DIFFERS");
  }
  free(in);
  free(z);
  free(back);
  return bad;
}

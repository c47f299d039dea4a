/* An LZ77 compressor and decompressor in the LZF format (liblzf, used by
 * Redis and OpenVPN), written the way small compression libraries keep
 * their working memory: static input, output and window-hash buffers, and
 * exported statistics. No allocation, no I/O.
 *
 * Format: a control byte c < 32 starts a run of c+1 literals; otherwise
 * the match length is (c >> 5) + 2 (7 means a length byte follows) and the
 * distance is ((c & 31) << 8 | next byte) + 1, within an 8 KiB window.
 *
 * One iteration compresses a window of the (generated, text-like) input,
 * decompresses it and checks the round trip. */
#include <string.h>

#define IN_SIZE (64u * 1024)
#define OUT_SIZE (IN_SIZE + IN_SIZE / 16 + 64)
#define HLOG 13
#define MAX_OFF (1u << 13)
#define MAX_REF ((1u << 8) + (1u << 3))
#define MAX_LIT (1u << 5)

static unsigned char input[IN_SIZE];
static unsigned char compressed[OUT_SIZE];
static unsigned char output[IN_SIZE];
static unsigned hash_head[1u << HLOG]; /* position + 1 of the last match */
static unsigned long seed = 0x2545f4914f6cdd1dul;

unsigned long lz_literals, lz_matches, lz_match_bytes, lz_errors;

const unsigned workload_iterations = 40;

static const char *const words[] = {
    "the ",      "of ",      "and ",    "compression ", "window ",
    "buffer ",   "state ",   "object ", "capability ",  "table ",
    "a ",        "is ",      "to ",     "in ",          "shared ",
    "instance ", "memory ",  "page ",   "loader ",      "monitor ",
    "\n",        ", ",       "code ",   "data ",        "read-only ",
    "per-cVM ",  "segment ", "slot "};

static unsigned next_random(void) {
  seed = seed * 6364136223846793005ul + 1442695040888963407ul;
  return (unsigned)(seed >> 33);
}

static void make_input(void) {
  unsigned n = 0;
  while (n < IN_SIZE) {
    unsigned r = next_random();
    const char *w = words[r % (sizeof words / sizeof *words)];
    /* Now and then a number, which compresses badly. */
    if ((r >> 8) % 11 == 0) {
      unsigned v = r >> 12;
      do {
        if (n < IN_SIZE)
          input[n++] = (unsigned char)('0' + v % 10);
        v /= 10;
      } while (v);
      continue;
    }
    while (*w && n < IN_SIZE)
      input[n++] = (unsigned char)*w++;
  }
}

static unsigned hash3(const unsigned char *p) {
  unsigned v = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
  return (v * 2654435761u) >> (32 - HLOG);
}

/* Compresses input[start, start + len) into compressed; returns the
 * compressed size, or 0 if it would not fit. */
unsigned lzf_compress(unsigned start, unsigned len) {
  const unsigned char *ip = input + start, *in_end = ip + len;
  unsigned char *op = compressed, *out_end = compressed + OUT_SIZE;
  unsigned lit = 0;
  memset(hash_head, 0, sizeof hash_head);
  op++; /* the control byte of the first literal run */
  while (ip + 2 < in_end) {
    unsigned h = hash3(ip);
    unsigned pos = (unsigned)(ip - input);
    unsigned ref_pos = hash_head[h];
    hash_head[h] = pos + 1;
    unsigned off = pos - ref_pos; /* distance - 1, when ref_pos != 0 */
    const unsigned char *ref = input + ref_pos - 1;
    if (ref_pos && off < MAX_OFF && ref >= input + start && ref[0] == ip[0] &&
        ref[1] == ip[1] && ref[2] == ip[2]) {
      unsigned maxlen = (unsigned)(in_end - ip) - 2;
      unsigned l = 2;
      if (maxlen > MAX_REF)
        maxlen = MAX_REF;
      if (op + 3 + 1 >= out_end)
        return 0;
      op[-(int)lit - 1] = (unsigned char)(lit - 1);
      if (!lit)
        op--; /* no literals: drop the empty run's control byte */
      do
        l++;
      while (l < maxlen && ref[l] == ip[l]);
      l -= 2;
      lz_matches++;
      lz_match_bytes += l + 2;
      if (l < 7) {
        *op++ = (unsigned char)((off >> 8) + (l << 5));
      } else {
        *op++ = (unsigned char)((off >> 8) + (7 << 5));
        *op++ = (unsigned char)(l - 7);
      }
      *op++ = (unsigned char)off;
      lit = 0;
      op++; /* the next literal run's control byte */
      ip += l + 2;
      /* Hash the positions the match skipped, as liblzf's ULTRA_FAST
       * mode does not and its default mode does. */
      for (const unsigned char *q = ip - l - 1; q < ip && q + 2 < in_end; q++)
        hash_head[hash3(q)] = (unsigned)(q - input) + 1;
      continue;
    }
    if (op >= out_end)
      return 0;
    lit++;
    lz_literals++;
    *op++ = *ip++;
    if (lit == MAX_LIT) {
      op[-(int)lit - 1] = (unsigned char)(lit - 1);
      lit = 0;
      op++;
    }
  }
  while (ip < in_end) {
    if (op + 2 >= out_end)
      return 0;
    lit++;
    lz_literals++;
    *op++ = *ip++;
    if (lit == MAX_LIT) {
      op[-(int)lit - 1] = (unsigned char)(lit - 1);
      lit = 0;
      op++;
    }
  }
  op[-(int)lit - 1] = (unsigned char)(lit - 1);
  if (!lit)
    op--;
  return (unsigned)(op - compressed);
}

/* Decompresses size bytes of compressed into output; returns the length,
 * or 0 on malformed input. */
unsigned lzf_decompress(unsigned size) {
  const unsigned char *ip = compressed, *in_end = compressed + size;
  unsigned char *op = output, *out_end = output + IN_SIZE;
  while (ip < in_end) {
    unsigned ctrl = *ip++;
    if (ctrl < 32) {
      ctrl++;
      if (op + ctrl > out_end || ip + ctrl > in_end)
        goto bad;
      do
        *op++ = *ip++;
      while (--ctrl);
    } else {
      unsigned len = ctrl >> 5;
      if (len == 7)
        len += *ip++;
      len += 2;
      if (ip >= in_end)
        goto bad;
      const unsigned char *ref = op - ((ctrl & 31) << 8) - 1 - *ip++;
      if (op + len > out_end || ref < output)
        goto bad;
      do
        *op++ = *ref++;
      while (--len);
    }
  }
  return (unsigned)(op - output);
bad:
  lz_errors++;
  return 0;
}

unsigned long workload_run(unsigned iterations) {
  unsigned long sum = 0;
  static int ready;
  if (!ready) {
    make_input();
    ready = 1;
  }
  for (unsigned it = 0; it < iterations; it++) {
    unsigned start = (it * 977u) % 4096u, len = IN_SIZE - 4096u;
    unsigned size = lzf_compress(start, len);
    unsigned n = lzf_decompress(size);
    if (n != len || memcmp(output, input + start, len) != 0)
      lz_errors++;
    unsigned long a = 1, b = 0; /* Adler-32 of the compressed stream */
    for (unsigned i = 0; i < size; i++) {
      a = (a + compressed[i]) % 65521;
      b = (b + a) % 65521;
    }
    sum = sum * 33 + (b << 16 | a) + size;
  }
  return sum ^ lz_literals ^ lz_matches << 16 ^ lz_match_bytes << 32 ^
         lz_errors << 60;
}

/* An open-addressing hash table keyed by strings: the shape of a symbol
 * table, an interning cache or a dictionary in a C library. As in such
 * libraries, the table, the key arena and the statistics are globals, and
 * the API functions (ht_*) are ordinary external functions.
 *
 * One iteration: clear the table, insert NKEYS generated keys, look up
 * every key and as many absent ones, delete a third, look everything up
 * again, re-insert the deleted keys. Linear probing with tombstones. */
#include <string.h>

#define CAP (1u << 15) /* slots, a power of two */
#define POOL_SIZE (1u << 19)
#define NKEYS 16000u
#define TOMBSTONE 0xffffffffu

struct entry {
  unsigned hash;
  unsigned key; /* offset of the key in pool; 0: empty, TOMBSTONE: deleted */
  unsigned len;
  unsigned long value;
};

static struct entry table[CAP];
static char pool[POOL_SIZE];
static unsigned pool_used;

/* Statistics, exported the way libraries export them. */
unsigned ht_count, ht_tombstones;
unsigned long ht_lookups, ht_probes, ht_hits;

const unsigned workload_iterations = 8;

static const char *const prefixes[] = {"tmp",   "node", "value", "x",
                                       "count", "ptr",  "buf",   "len"};

/* The name of key i: a prefix and the base-36 digits of a mix of i. */
static unsigned make_key(unsigned i, char *out) {
  unsigned x = i * 2654435761u ^ 0x5bd1e995u;
  const char *p = prefixes[x & 7];
  unsigned n = 0;
  while (*p)
    out[n++] = *p++;
  out[n++] = '_';
  x >>= 3;
  do {
    out[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[x % 36];
    x /= 36;
  } while (x);
  return n;
}

static unsigned hash_bytes(const char *s, unsigned len) {
  unsigned h = 2166136261u;
  for (unsigned i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

void ht_clear(void) {
  memset(table, 0, sizeof table);
  pool_used = 1;
  ht_count = ht_tombstones = 0;
}

/* The slot holding the key, or ~0u; *free_slot gets the first reusable
 * slot on the probe path. */
static unsigned ht_find(const char *key, unsigned len, unsigned hash,
                        unsigned *free_slot) {
  unsigned i = hash & (CAP - 1);
  unsigned reuse = ~0u;
  ht_lookups++;
  for (;;) {
    struct entry *e = &table[i];
    ht_probes++;
    if (e->key == 0) {
      *free_slot = reuse != ~0u ? reuse : i;
      return ~0u;
    }
    if (e->key == TOMBSTONE) {
      if (reuse == ~0u)
        reuse = i;
    } else if (e->hash == hash && e->len == len &&
               memcmp(pool + e->key, key, len) == 0) {
      ht_hits++;
      return i;
    }
    i = (i + 1) & (CAP - 1);
  }
}

int ht_insert(const char *key, unsigned len, unsigned long value) {
  unsigned hash = hash_bytes(key, len), free_slot;
  unsigned i = ht_find(key, len, hash, &free_slot);
  if (i != ~0u) {
    table[i].value = value;
    return 0;
  }
  if (pool_used + len > POOL_SIZE || ht_count + ht_tombstones >= CAP - CAP / 8)
    return -1;
  struct entry *e = &table[free_slot];
  if (e->key == TOMBSTONE)
    ht_tombstones--;
  memcpy(pool + pool_used, key, len);
  e->hash = hash;
  e->key = pool_used;
  e->len = len;
  e->value = value;
  pool_used += len;
  ht_count++;
  return 1;
}

int ht_get(const char *key, unsigned len, unsigned long *value) {
  unsigned free_slot;
  unsigned i = ht_find(key, len, hash_bytes(key, len), &free_slot);
  if (i == ~0u)
    return 0;
  *value = table[i].value;
  return 1;
}

int ht_delete(const char *key, unsigned len) {
  unsigned free_slot;
  unsigned i = ht_find(key, len, hash_bytes(key, len), &free_slot);
  if (i == ~0u)
    return 0;
  table[i].key = TOMBSTONE;
  ht_count--;
  ht_tombstones++;
  return 1;
}

unsigned long workload_run(unsigned iterations) {
  unsigned long sum = 0;
  char key[32];
  for (unsigned it = 0; it < iterations; it++) {
    unsigned long v;
    ht_clear();
    for (unsigned i = 0; i < NKEYS; i++)
      sum += (unsigned long)ht_insert(key, make_key(i + it, key), i);
    for (unsigned i = 0; i < 2 * NKEYS; i++)
      if (ht_get(key, make_key(i + it, key), &v))
        sum += v;
    for (unsigned i = 0; i < NKEYS; i += 3)
      sum += (unsigned long)ht_delete(key, make_key(i + it, key));
    for (unsigned i = 0; i < NKEYS; i++)
      if (ht_get(key, make_key(i + it, key), &v))
        sum += v * 3;
    for (unsigned i = 0; i < NKEYS; i += 3)
      sum += (unsigned long)ht_insert(key, make_key(i + it, key), i + 1);
    sum = sum * 31 + ht_count + ht_tombstones;
  }
  return sum ^ ht_lookups ^ ht_probes << 20 ^ ht_hits << 40;
}

/* Shortest paths on a weighted grid with a binary-heap priority queue,
 * written the way routing, game and scheduling code in C often is: the
 * graph, the distance array and the heap are fixed-size globals, the heap
 * operations are small external functions, and counters are exported.
 *
 * One iteration runs Dijkstra (lazy deletion: stale heap entries are
 * skipped when popped) from a different source over a 96 x 96 grid whose
 * cell costs come from a generator (an edge costs the mean of its
 * cells' costs), and folds the distances into the
 * checksum. */
#define W 96u
#define H 96u
#define N (W * H)
#define HEAP_CAP (4u * N + 4u)
#define INF 0xffffffffu

struct heap_entry {
  unsigned dist, node;
};

static unsigned char cost[N];
static unsigned dist[N];
static unsigned char done[N];
static struct heap_entry heap[HEAP_CAP];
static unsigned heap_len;
static unsigned rng = 2463534242u;

unsigned long pq_pushes, pq_pops, relaxations;

const unsigned workload_iterations = 40;

static const int step_x[4] = {1, -1, 0, 0};
static const int step_y[4] = {0, 0, 1, -1};

static unsigned next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

static void make_grid(void) {
  for (unsigned i = 0; i < N; i++) {
    unsigned r = next_random();
    /* Mostly cheap cells, some walls of expensive ones. */
    cost[i] = (unsigned char)(r % 16 == 0 ? 200 + r % 50 : 1 + (r >> 8) % 9);
  }
}

void pq_push(unsigned d, unsigned node) {
  unsigned i = heap_len++;
  pq_pushes++;
  while (i > 0) {
    unsigned parent = (i - 1) / 2;
    if (heap[parent].dist <= d)
      break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i].dist = d;
  heap[i].node = node;
}

struct heap_entry pq_pop(void) {
  struct heap_entry top = heap[0], last = heap[--heap_len];
  unsigned i = 0;
  pq_pops++;
  for (;;) {
    unsigned child = 2 * i + 1;
    if (child >= heap_len)
      break;
    if (child + 1 < heap_len && heap[child + 1].dist < heap[child].dist)
      child++;
    if (heap[child].dist >= last.dist)
      break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
  return top;
}

static void shortest_paths(unsigned source) {
  for (unsigned i = 0; i < N; i++) {
    dist[i] = INF;
    done[i] = 0;
  }
  heap_len = 0;
  dist[source] = 0;
  pq_push(0, source);
  while (heap_len) {
    struct heap_entry e = pq_pop();
    if (done[e.node])
      continue;
    done[e.node] = 1;
    unsigned x = e.node % W, y = e.node / W;
    for (int k = 0; k < 4; k++) {
      unsigned nx = x + (unsigned)step_x[k], ny = y + (unsigned)step_y[k];
      if (nx >= W || ny >= H)
        continue;
      unsigned m = ny * W + nx;
      /* Edge weight: the mean cost of the two cells, so a cell's first
       * tentative distance is not always its final one. */
      unsigned d = e.dist + (cost[e.node] + cost[m]) / 2u + 1u;
      if (d < dist[m] && heap_len < HEAP_CAP) {
        relaxations++;
        dist[m] = d;
        pq_push(d, m);
      }
    }
  }
}

unsigned long workload_run(unsigned iterations) {
  unsigned long sum = 0;
  if (!cost[0])
    make_grid();
  for (unsigned it = 0; it < iterations; it++) {
    shortest_paths((it * 7919u) % N);
    unsigned long s = 0;
    for (unsigned i = 0; i < N; i++)
      s = s * 3 + dist[i];
    sum = sum * 31 + s + dist[0] + dist[N - 1];
  }
  return sum ^ pq_pushes ^ pq_pops << 24 ^ relaxations << 44;
}

/* A bytecode interpreter in the style of clox ("Crafting Interpreters",
 * chapters 15-23) and many small embedded VMs: one global VM structure
 * holds the instruction pointer, the value stack and its top, and the
 * global variables; push() and pop() are tiny functions on it. The
 * bytecode is assembled at run time into a global chunk, and a global heap
 * array serves as the program's memory.
 *
 * The program (assembled once): a sieve of Eratosthenes up to g[N] that
 * sums the primes, then a polynomial hash loop. One iteration runs it with
 * a different seed. */
#include <string.h>

typedef long value;

enum {
  OP_CONST,
  OP_GET,
  OP_SET,
  OP_ADD,
  OP_SUB,
  OP_MUL,
  OP_MOD,
  OP_LESS,
  OP_EQUAL,
  OP_LOAD,
  OP_STORE,
  OP_POP,
  OP_JUMP_IF_FALSE,
  OP_JUMP,
  OP_LOOP,
  OP_RETURN
};

enum { G_N, G_I, G_J, G_SUM, G_H, G_K, G_SEED, G_COUNT };

#define STACK_MAX 256
#define HEAP_SIZE 8192
#define CHUNK_MAX 1024

struct vm {
  const unsigned char *ip;
  value stack[STACK_MAX];
  value *stack_top;
  value globals[G_COUNT];
  unsigned long steps;
};

struct vm vm;
static unsigned char chunk[CHUNK_MAX];
static unsigned chunk_len;
static value heap[HEAP_SIZE];

const unsigned workload_iterations = 12;

/* The assembler. */
static void emit(unsigned byte) { chunk[chunk_len++] = (unsigned char)byte; }
static void emit_const(value v) {
  emit(OP_CONST);
  for (int i = 0; i < 4; i++)
    emit((unsigned)((unsigned long)v >> (8 * i)) & 0xff);
}
static void emit_get(unsigned g) {
  emit(OP_GET);
  emit(g);
}
static void emit_set(unsigned g) {
  emit(OP_SET);
  emit(g);
  emit(OP_POP);
}
static unsigned emit_jump(unsigned op) {
  emit(op);
  emit(0xff);
  emit(0xff);
  return chunk_len - 2;
}
static void patch_jump(unsigned at) {
  unsigned d = chunk_len - at - 2;
  chunk[at] = (unsigned char)(d >> 8);
  chunk[at + 1] = (unsigned char)d;
}
static void emit_loop(unsigned start) {
  emit(OP_LOOP);
  unsigned d = chunk_len - start + 2;
  emit(d >> 8);
  emit(d & 0xff);
}
/* while (g < bound) { body } ... with body emitted by the caller. */
static unsigned begin_while_less(unsigned g, unsigned bound, unsigned *exit) {
  unsigned start = chunk_len;
  emit_get(g);
  emit_get(bound);
  emit(OP_LESS);
  *exit = emit_jump(OP_JUMP_IF_FALSE);
  emit(OP_POP);
  return start;
}
static void end_while(unsigned start, unsigned exit) {
  emit_loop(start);
  patch_jump(exit);
  emit(OP_POP);
}
static void emit_incr(unsigned g, unsigned by) { /* g = g + by */
  emit_get(g);
  emit_get(by);
  emit(OP_ADD);
  emit_set(g);
}

static void assemble(void) {
  unsigned exit, start, exit2, start2, skip;
  /* i = 2; while (i < n) { heap[i] = 0; i = i + 1 } */
  emit_const(1);
  emit_set(G_K); /* k is the constant 1 for now */
  emit_const(2);
  emit_set(G_I);
  start = begin_while_less(G_I, G_N, &exit);
  emit_const(0);
  emit_get(G_I);
  emit(OP_STORE);
  emit_incr(G_I, G_K);
  end_while(start, exit);
  /* sum = 0; i = 2; while (i < n) { if (heap[i] == 0) { sum += i;
   *   j = i * i; while (j < n) { heap[j] = 1; j = j + i } } i = i + 1 } */
  emit_const(0);
  emit_set(G_SUM);
  emit_const(2);
  emit_set(G_I);
  start = begin_while_less(G_I, G_N, &exit);
  emit_get(G_I);
  emit(OP_LOAD);
  emit_const(0);
  emit(OP_EQUAL);
  skip = emit_jump(OP_JUMP_IF_FALSE);
  emit(OP_POP);
  emit_incr(G_SUM, G_I);
  emit_get(G_I);
  emit_get(G_I);
  emit(OP_MUL);
  emit_set(G_J);
  start2 = begin_while_less(G_J, G_N, &exit2);
  emit_get(G_K);
  emit_get(G_J);
  emit(OP_STORE);
  emit_incr(G_J, G_I);
  end_while(start2, exit2);
  unsigned over = emit_jump(OP_JUMP);
  patch_jump(skip);
  emit(OP_POP);
  patch_jump(over);
  emit_incr(G_I, G_K);
  end_while(start, exit);
  /* h = seed; i = 0; while (i < n) { h = (h * 31 + heap[i] + i) % 1000003;
   *   i = i + 1 } */
  emit_get(G_SEED);
  emit_set(G_H);
  emit_const(0);
  emit_set(G_I);
  start = begin_while_less(G_I, G_N, &exit);
  emit_get(G_H);
  emit_const(31);
  emit(OP_MUL);
  emit_get(G_I);
  emit(OP_LOAD);
  emit(OP_ADD);
  emit_get(G_I);
  emit(OP_ADD);
  emit_const(1000003);
  emit(OP_MOD);
  emit_set(G_H);
  emit_incr(G_I, G_K);
  end_while(start, exit);
  emit(OP_RETURN);
}

void push(value v) { *vm.stack_top++ = v; }
value pop(void) { return *--vm.stack_top; }
static value peek(int distance) { return vm.stack_top[-1 - distance]; }

static unsigned heap_index(value v) { return (unsigned long)v % HEAP_SIZE; }

#define READ_BYTE() (*vm.ip++)
#define READ_SHORT() (vm.ip += 2, (unsigned)(vm.ip[-2] << 8 | vm.ip[-1]))
#define BINARY(expr)                                                           \
  do {                                                                         \
    unsigned long b = (unsigned long)pop(), a = (unsigned long)pop();          \
    push((value)(expr));                                                       \
  } while (0)

static int run(void) {
  for (;;) {
    vm.steps++;
    switch (READ_BYTE()) {
    case OP_CONST: {
      unsigned long v = 0;
      for (int i = 0; i < 4; i++)
        v |= (unsigned long)READ_BYTE() << (8 * i);
      push((value)(int)(unsigned)v);
      break;
    }
    case OP_GET:
      push(vm.globals[READ_BYTE()]);
      break;
    case OP_SET:
      vm.globals[READ_BYTE()] = peek(0);
      break;
    case OP_ADD:
      BINARY(a + b);
      break;
    case OP_SUB:
      BINARY(a - b);
      break;
    case OP_MUL:
      BINARY(a * b);
      break;
    case OP_MOD:
      BINARY(b ? a % b : 0);
      break;
    case OP_LESS:
      BINARY((value)a < (value)b);
      break;
    case OP_EQUAL:
      BINARY(a == b);
      break;
    case OP_LOAD:
      push(heap[heap_index(pop())]);
      break;
    case OP_STORE: {
      unsigned at = heap_index(pop());
      heap[at] = pop();
      break;
    }
    case OP_POP:
      pop();
      break;
    case OP_JUMP_IF_FALSE: {
      unsigned d = READ_SHORT();
      if (!peek(0))
        vm.ip += d;
      break;
    }
    case OP_JUMP: {
      unsigned d = READ_SHORT();
      vm.ip += d;
      break;
    }
    case OP_LOOP: {
      unsigned d = READ_SHORT();
      vm.ip -= d;
      break;
    }
    case OP_RETURN:
      return 0;
    default:
      return -1;
    }
  }
}

unsigned long workload_run(unsigned iterations) {
  unsigned long sum = 0;
  if (!chunk_len)
    assemble();
  for (unsigned it = 0; it < iterations; it++) {
    vm.stack_top = vm.stack;
    vm.ip = chunk;
    memset(vm.globals, 0, sizeof vm.globals);
    vm.globals[G_N] = 6000 + (value)(it % 7) * 100;
    vm.globals[G_SEED] = (value)it;
    int status = run();
    sum = sum * 1000003 + (unsigned long)vm.globals[G_SUM] +
          (unsigned long)vm.globals[G_H] + (unsigned long)status +
          (unsigned long)(vm.stack_top - vm.stack);
  }
  return sum ^ vm.steps << 32;
}

/* prog: the program (PIE), needs libmid and libbase. Each test instance
 * writes values derived from its id into every object's state, then
 * checks them back. */
extern int base_value, base_counter, mid_local, mid_saw_base;
extern int *base_ptr;
int base_bump(int by);
int base_hidden_sum(void);
void base_hidden_set(int v);
int base_tls_bump(void);
int mid_call(int by);
int mid_sum(void);
void mid_set(int local, int base);
int *mid_base_addr(void);

static int prog_id = -1;
__thread int prog_tls = 100;
static int double_it(int x) { return 2 * x; }
static int (*const prog_ops[])(int) = {double_it, base_bump};

void _start(void) {}

void prog_setup(int id) {
  prog_id = id;
  mid_set(id * 3, id * 7);
  base_hidden_set(id);
  mid_call(id);              /* base_counter += id, through a pointer */
  prog_ops[1](1);            /* base_counter += 1, through a const table */
}

/* 0 when every value in every object's state is this instance's. */
int prog_check(int id) {
  if (prog_id != id) return 1;
  if (mid_local != id * 3) return 2;
  if (base_value != id * 7) return 3;
  if (*base_ptr != id * 7) return 4;             /* base's own pointer */
  if (mid_base_addr() != &base_value) return 5;  /* same address seen */
  if (base_counter != id + 1) return 6;
  if (base_hidden_sum() != id + 3) return 7;
  if (mid_sum() != (id + 1) + id * 3 + id * 7) return 8;
  if (mid_saw_base != 1) return 9;               /* constructor order */
  if (prog_ops[0](id) != 2 * id) return 10;
  return 0;
}

int prog_tls_bump(void) { return ++prog_tls + base_tls_bump(); }

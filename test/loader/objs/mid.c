/* libmid.so: needs libbase. Extern data across objects, pointers in state
 * to another object's state, function pointers in state, const pointer
 * tables, a constructor that relies on libbase's having run first. */
extern int base_value, base_counter, base_inited;
int base_bump(int by);

int mid_local = 11;
int *mid_points_at_base = &base_value;  /* into libbase's instance */
int (*mid_op)(int) = base_bump;          /* function pointer in state */
static int *const mid_tab[] = {&base_counter, &mid_local};
int mid_saw_base = -1;

__attribute__((constructor)) static void mid_init(void) {
  mid_saw_base = base_inited; /* 1 only if libbase's constructor ran first */
}

int mid_call(int by) { return mid_op(by); }
int mid_sum(void) { return *mid_tab[0] + *mid_tab[1] + *mid_points_at_base; }
void mid_set(int local, int base) {
  mid_local = local;
  *mid_points_at_base = base;
}
int *mid_base_addr(void) { return &base_value; }

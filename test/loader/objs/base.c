/* libbase.so: the bottom library. State of every kind, a constructor that
 * touches it, a thread-local (general-dynamic in a shared object). */
int base_value = 5;               /* exported data, .data */
int base_counter;                 /* exported data, .bss */
int base_inited;                  /* set by the constructor */
static int base_hidden[3] = {1, 2, 3};
int *base_ptr = &base_value;      /* pointer in state to own state */
static int *const base_tab[] = {&base_hidden[0], &base_hidden[2]};
__thread int base_tls = 3;

#ifdef ORC_VARIANT
const char base_banner[] = "base, variant";
#else
const char base_banner[] = "base, standard";
#endif

__attribute__((constructor)) static void base_init(void) { base_inited = 1; }

int base_bump(int by) {
  base_counter += by;
  return base_counter;
}
int base_hidden_sum(void) { return *base_tab[0] + *base_tab[1]; }
void base_hidden_set(int v) { base_hidden[0] = v; }
int base_tls_bump(void) { return ++base_tls; }
const char *base_name(void) { return base_banner; }

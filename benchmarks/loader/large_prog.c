/* The program of the large link: only calls into liblarge. */
int large_sum(void);
int prog_large_value = 1;
void _start(void) {}
int prog_large(void) { return large_sum() + prog_large_value; }

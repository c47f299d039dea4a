/* tiny.so: the base object of the malformed-ELF fixtures (test/loader/badelf).
 * Small on purpose: two globals, a pointer in state, one extern data
 * reference (an import cell and a symbol relocation), one function. */
extern int tiny_extern;
int tiny_counter = 1;
int *tiny_ptr = &tiny_counter;
const char tiny_name[] = "tiny";

int tiny_get(void) { return tiny_counter + *tiny_ptr + tiny_extern; }

/* A library with thread-locals (general-dynamic: __tls_get_addr). */
__thread int lib_tls = 5;
int lib_counter;
int lib_bump(void) { lib_counter++; return ++lib_tls; }

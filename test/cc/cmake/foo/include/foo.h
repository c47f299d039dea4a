#ifndef FOO_H
#define FOO_H

/* FOO_SLOTS comes from the library's PUBLIC compile definitions. */
#ifndef FOO_SLOTS
#error FOO_SLOTS not defined: target_compile_definitions(PUBLIC) lost
#endif

/* Stores v in the next slot (state of libfoo.so, one copy per cVM) and
 * returns how many slots are used. */
int foo_put(int v);
int foo_sum(void);
/* "foo says: TEXT" in a buffer of the library's. */
const char *foo_say(const char *text);
/* A thread-local counter in the library. */
int foo_tls_bump(void);

#endif

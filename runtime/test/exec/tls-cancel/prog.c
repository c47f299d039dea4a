/* A library's TLS in two threads; deferred cancellation at a
 * cancellation point (the flag check in __syscall_cp_asm). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int lib_bump(void);
extern int lib_counter;

static void *bump3(void *a) { int r = 0; for (int i = 0; i < 3; i++) r = lib_bump(); return (void *)(long)r; }
static void *sleeper(void *a) { for (;;) usleep(1000); return a; }

int main(void)
{
	pthread_t t;
	void *r;
	int m = lib_bump();
	pthread_create(&t, 0, bump3, 0);
	pthread_join(t, &r);
	printf("main tls %d, thread tls %ld, counter %d\n", m, (long)r, lib_counter);
	pthread_create(&t, 0, sleeper, 0);
	usleep(10000);
	int c = pthread_cancel(t);
	int j = pthread_join(t, &r);
	printf("cancel=%d join=%d canceled=%d\n", c, j, r == PTHREAD_CANCELED);
	return 0;
}

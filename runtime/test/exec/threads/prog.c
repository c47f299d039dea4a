/* Constructors and destructors (AT_ORC_INIT/FINI), threads with the
 * program's TLS (AT_ORC_TLS), per-thread errno, a mutex, detached threads
 * (which free their own stacks), files. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static __thread int tls_counter = 100;
static __thread char tls_zero[64];
static int total;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int ctor_ran;

__attribute__((constructor)) static void ctor(void) { ctor_ran = 7; }
__attribute__((destructor)) static void dtor(void) { printf("destructor ran\n"); }

static void *worker(void *arg)
{
	long id = (long)arg;
	tls_counter += (int)id + tls_zero[63];
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&mu);
		total++;
		pthread_mutex_unlock(&mu);
	}
	errno = (int)id;
	return (void *)(long)(tls_counter * 1000 + errno);
}

static void *detached(void *arg) { return arg; }

int main(void)
{
	pthread_t t[4];
	printf("ctor_ran=%d tls_counter=%d\n", ctor_ran, tls_counter);
	for (long i = 0; i < 4; i++)
		if (pthread_create(&t[i], 0, worker, (void *)(i + 1))) return 1;
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		printf("thread %d returned %ld\n", i + 1, (long)r);
	}
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < 8; i++) {
		pthread_t d;
		if (pthread_create(&d, &a, detached, 0)) return 2;
	}
	nanosleep(&(struct timespec){0, 50000000}, 0);
	printf("total=%d tls_counter=%d errno=%d\n", total, tls_counter, errno);
	FILE *f = fopen("/out.txt", "w");
	if (!f) return 3;
	fprintf(f, "written by a cVM\n");
	fclose(f);
	char line[64] = {0};
	f = fopen("/out.txt", "r");
	if (!f || !fgets(line, sizeof line, f)) return 4;
	fclose(f);
	printf("file: %s", line);
	return 0;
}

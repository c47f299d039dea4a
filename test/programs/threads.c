/* pthreads with thread_local, mutexes, condition variables, join. */
#include <pthread.h>
#include <stdio.h>

static _Thread_local int tl = 100;
static __thread long counter;
static int total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *worker(void *arg) {
  long id = (long)arg;
  for (int i = 0; i < 1000; i++)
    counter++;
  tl += (int)id;
  pthread_mutex_lock(&lock);
  total += tl;
  ready++;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&lock);
  return (void *)(counter + tl);
}

int main(void) {
  pthread_t t[8];
  for (long i = 0; i < 8; i++)
    pthread_create(&t[i], NULL, worker, (void *)i);
  pthread_mutex_lock(&lock);
  while (ready < 8)
    pthread_cond_wait(&cv, &lock);
  pthread_mutex_unlock(&lock);
  long sum = 0;
  for (int i = 0; i < 8; i++) {
    void *r;
    pthread_join(t[i], &r);
    sum += (long)r;
  }
  printf("total %d sum %ld main tl %d counter %ld\n", total, sum, tl, counter);
  return 0;
}

/* Sockets on the loopback: a server thread and a client, poll, epoll,
 * send/recv, getsockname. (In a cVM it needs networking allowed.) */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static int listener;

static void *serve(void *arg) {
  (void)arg;
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 77};
  epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
  struct epoll_event got;
  int n = epoll_wait(ep, &got, 1, 5000);
  printf("server: epoll %d data %lu\n", n, (unsigned long)got.data.u64);
  int c = accept(listener, NULL, NULL);
  char buf[16] = {0};
  struct pollfd p = {.fd = c, .events = POLLIN};
  int pr = poll(&p, 1, 5000);
  printf("server: poll %d revents %d\n", pr, p.revents & POLLIN);
  recv(c, buf, sizeof buf - 1, 0);
  printf("server: got %s\n", buf);
  send(c, "pong", 4, 0);
  close(c);
  close(ep);
  return NULL;
}

int main(void) {
  listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(listener, (struct sockaddr *)&a, sizeof a) || listen(listener, 4)) {
    perror("bind/listen");
    return 1;
  }
  socklen_t len = sizeof a;
  getsockname(listener, (struct sockaddr *)&a, &len);
  printf("listening on a port above 0: %d\n", ntohs(a.sin_port) > 0);
  pthread_t t;
  pthread_create(&t, NULL, serve, NULL);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(s, (struct sockaddr *)&a, sizeof a)) {
    perror("connect");
    return 1;
  }
  send(s, "ping", 4, 0);
  char buf[16] = {0};
  recv(s, buf, sizeof buf - 1, MSG_WAITALL);
  pthread_join(t, NULL);
  printf("client: got %s\n", buf);
  close(s);
  close(listener);
  return 0;
}

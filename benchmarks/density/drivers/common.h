/* Shared by the density drivers: after the workload's start-up, announce
 * readiness with a marker file (a unique name made by mkstemp in the
 * directory argv[1], "/tmp" by default: a cVM's /tmp is its image's), then
 * stay alive until killed. sleep() is nanosleep, a hostcall in a cVM. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void ready_and_wait(int argc, char **argv)
{
	char path[512];
	snprintf(path, sizeof path, "%s/ready-XXXXXX", argc > 1 ? argv[1] : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) { perror("density driver: mkstemp"); exit(1); }
	close(fd);
	for (;;) sleep(3600);
}

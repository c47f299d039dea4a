/* stdio, malloc, argv, environ, errno and the exit status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int counter = 41;

int main(int argc, char **argv)
{
	counter++;
	char *p = malloc(100);
	if (!p) return 1;
	strcpy(p, "malloc works");
	printf("argc=%d argv[1]=%s counter=%d FOO=%s\n", argc, argv[1], counter,
	       getenv("FOO"));
	puts(p);
	free(p);
	errno = 0;
	if (fopen("/does/not/exist", "r") || errno != ENOENT) return 2;
	printf("errno ok: %s\n", strerror(errno));
	return 3;
}

/* hello: print a line, then stay alive (common.h). */
#include "common.h"

int main(int argc, char **argv)
{
	printf("hello, world\n");
	fflush(stdout);
	ready_and_wait(argc, argv);
}

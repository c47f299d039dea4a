// Integer division by zero kills the cVM with SIGFPE.
#include "rt.h"
static volatile int zero;
int main(int argc, char **argv) { return 10 / zero; }

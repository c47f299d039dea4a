/* Exits at once: a dynamically linked child for test_spawn. */
int main(void) { return 0; }

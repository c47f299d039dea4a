/* stdio: formatted output, buffering modes, string streams, a file. */
#include <stdio.h>
#include <string.h>

int main(void) {
  char buf[128];
  printf("%d %5d %-5d| %x %X %o %#x %+d\n", 42, 42, 42, 255, 255, 8, 255, 7);
  printf("%s|%10s|%-10s|%.3s\n", "abc", "right", "left", "truncate");
  printf("%f %.2f %e %g %g %a\n", 3.14159, 2.005, 12345.678, 0.0001, 1e20, 1.0);
  printf("%c%c %% %lu %lld %hhd\n", 'o', 'k', (unsigned long)-1, -1LL << 40, (char)300);
  int n = snprintf(buf, sizeof buf, "%s-%d-%.1f", "x", 7, 0.25);
  printf("snprintf %d '%s'\n", n, buf);
  n = snprintf(buf, 5, "%s", "overflowing");
  printf("truncated %d '%s'\n", n, buf);
  setvbuf(stdout, NULL, _IOFBF, 64);
  for (int i = 0; i < 10; i++)
    printf("line %d of a fully buffered stdout\n", i);
  fflush(stdout);
  setvbuf(stdout, NULL, _IOLBF, 0);
  FILE *f = fopen("stdio.txt", "w+");
  fprintf(f, "written %d\n", 123);
  fputs("second line\n", f);
  rewind(f);
  while (fgets(buf, sizeof buf, f))
    printf("read back: %s", buf);
  printf("ftell %ld\n", ftell(f));
  fclose(f);
  sscanf("17 abc 2.5", "%d %3s %lf", &n, buf, &(double){0});
  printf("sscanf %d %s\n", n, buf);
  fputs("to stderr\n", stderr);
  return 0;
}

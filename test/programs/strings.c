/* string.h and ctype: the usual suspects. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char s[64] = "Hello, ORC world";
  char d[64];
  printf("%zu %d %d %d\n", strlen(s), strcmp("a", "b") < 0, strncmp("abc", "abd", 2),
         strcasecmp("HeLLo", "hello"));
  printf("%s|%s|%s\n", strchr(s, 'O'), strrchr(s, 'o'), strstr(s, "world"));
  memcpy(d, s, 6);
  d[6] = 0;
  memmove(s + 1, s, 5);
  printf("%s|%s\n", d, s);
  memset(d, 'z', 3);
  printf("%.5s %d\n", d, memcmp("abc", "abd", 3) < 0);
  char t[] = "a,b,,c";
  for (char *tok = strtok(t, ","); tok; tok = strtok(NULL, ","))
    printf("[%s]", tok);
  printf("\n");
  for (const char *p = "MiXeD 123"; *p; p++)
    putchar(isalpha(*p) ? (isupper(*p) ? tolower(*p) : toupper(*p)) : *p);
  printf("\n%ld %lu %lld %d\n", strtol("-0x1f", NULL, 16), strtoul("777", NULL, 8),
         atoll("123456789012"), atoi("  42abc"));
  char *dup = strdup("duplicate");
  printf("%s %zu %zu\n", dup, strspn("aaabc", "a"), strcspn("hello", "l"));
  free(dup);
  return 0;
}

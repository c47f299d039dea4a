// Arguments of exactly the limit (CVM_ARG_MAX, 65536 bytes of strings and
// pointers) arrive intact: byte j of argument k is 'a' + (j + k) % 26
// (args.sh writes them so).
#include "rt.h"
int main(int argc, char **argv) {
  for (int k = 1; k < argc; k++) {
    size_t n = rt_strlen(argv[k]), bad = 0;
    for (size_t j = 0; j < n; j++)
      bad += argv[k][j] != (char)('a' + (j + (size_t)k) % 26);
    out("argument ");
    out_num(k);
    out(": ");
    out_num((long)n);
    out(bad ? " bytes, damaged\n" : " bytes, intact\n");
  }
  return 0;
}

// State aligned beyond what the loader keeps for an instance (64 bytes)
// is refused, at -O0 and -O2; 64 itself is accepted.
// RUN: not %cc_orc -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %cc_orc -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %cc_orc -O2 -DONLY_64 -c %s -o /dev/null
// CHECK: error: orc: {{.*}}: state variable 'big' asks for 128-byte alignment; ORC state instances keep at most 64

_Alignas(64) int line[16];
#ifndef ONLY_64
_Alignas(128) int big[4];
#endif
int touch(int i) {
#ifndef ONLY_64
  big[i & 3]++;
#endif
  return line[i & 15]++;
}

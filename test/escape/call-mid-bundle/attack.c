/* A call that does not end its bundle (call-mid-bundle.s): its return
 * address is not a bundle start, so a masked return (C3) would not come
 * back to it, and code that relies on return addresses being bundle starts
 * (the gate's return, C1 targets) loses that. Must fail: B4. */
#include "attack.h"

void mid_call(void);

int main(int argc, char **argv) {
  out("attacker: calling mid-bundle\n");
  mid_call();
  out("ESCAPED: came back\n");
  end(0);
}

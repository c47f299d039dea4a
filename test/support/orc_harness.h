/* A loader in miniature, for pass tests and benchmarks that run before
 * (and without) the real loader.
 *
 * The program it runs in is linked from objects built with orc.so plus
 * host code built without it, with orc-layout.ld. orc_harness_init()
 * finds the program's state template (the orc_state section, between the
 * linker's __start_orc_state and __stop_orc_state), makes `count`
 * instances of it in fresh memory, applies the rule the loader applies to
 * the relocations inside the template (a pointer into the template is
 * moved to the same instance), gives each instance a capability table
 * whose entry for the object holds that instance's delta, writes the slot
 * cell, and maps the template PROT_NONE so that any access the pass missed
 * faults. orc_harness_enter(i) points GS at instance i's table.
 *
 * Host code only: a function built with orc.so loads its delta at entry,
 * so it must not call orc_harness_enter() itself. */
#ifndef ORC_HARNESS_H
#define ORC_HARNESS_H

#include <stddef.h>

/* The slot the harness gives the object; any value but 0 works. */
#define ORC_HARNESS_SLOT 3

/* Returns 0, or -1 after printing why to stderr. */
int orc_harness_init(int count);
void orc_harness_enter(int instance);
/* Instance i's copy of the template, and the template's size. */
void *orc_harness_instance(int instance);
size_t orc_harness_template_size(void);
/* Number of relocations that were moved to an instance, per instance. */
size_t orc_harness_moved_relocs(void);

#endif

/* The verifier of cVM machine code (verify.c): checks that executable
 * bytes follow the SFI contract of docs/sfi.md, trusting nothing that
 * built them. */
#ifndef ORC_VERIFY_H
#define ORC_VERIFY_H

#include <stddef.h>
#include <stdint.h>

struct orc_verify_error {
  uint64_t offset;  /* of the instruction (or byte) refused, from the text's start */
  char insn[96];    /* the instruction in AT&T syntax, or its bytes */
  char rule[160];   /* the rule of docs/sfi.md it breaks, and why */
};

/* Verifies text[0, len), loaded at `vaddr` (a multiple of 32). 0 if every
 * rule holds; -1 with *err filled otherwise (the first refusal, in
 * address order). `relocs` (sorted, `nrelocs` of them) are the offsets of
 * relocations not yet applied, in a relocatable object's section: a
 * direct branch whose displacement is one goes where the linker puts it,
 * so B3 is left to the check of the linked object; every other rule holds
 * the same. The loader verifies linked objects: NULL, 0. */
int orc_verify_text(const uint8_t *text, size_t len, uint64_t vaddr,
                    const uint64_t *relocs, size_t nrelocs,
                    struct orc_verify_error *err);

#endif

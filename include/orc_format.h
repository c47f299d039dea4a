/* The ORC object format's names and numbers, defined once: the pass
 * (llvm-pass/) emits them, the layout script (llvm-pass/orc-layout.ld,
 * put through the C preprocessor) places them, orc-cc checks its inputs
 * by them, the loader validates and maps by them, the runtime places its
 * start-up state by them and the test harness finds the template by them.
 * docs/object-format.md is the prose; a change here is a change of the
 * format.
 *
 * Macros only, so that C, C++ and the linker script can all read it. */
#ifndef ORC_FORMAT_H
#define ORC_FORMAT_H

/* ---- The state template (object-format.md section 1) ------------------ */

/* Every state variable's section, and the one output section the linker
 * makes of them: the template. */
#define ORC_SECTION_STATE "orc_state"
/* Zero-initialised state, placed after the rest of the template. */
#define ORC_SECTION_STATE_ZERO "orc_state.zero"
/* The rest of the template's last page, so nothing else shares it. */
#define ORC_SECTION_STATE_PAD "orc_state_pad"
/* The linker's symbols around the template (when referenced). */
#define ORC_STATE_START "__start_orc_state"
#define ORC_STATE_STOP "__stop_orc_state"
/* Largest alignment a state variable may ask for: instances are placed at
 * this alignment, and the template starts on a page, so every alignment
 * up to it holds inside an instance. */
#define ORC_STATE_MAX_ALIGN 64

/* ---- The slot cell (section 2) ---------------------------------------- */

#define ORC_SECTION_SLOT "orc_slot"
#define ORC_SLOT_CELL "__orc_slot"
#define ORC_SLOT_CELL_SIZE 8 /* bytes, and its alignment */

/* ---- The marker (section 3) ------------------------------------------- */

#define ORC_SECTION_NOTE ".note.orc"
#define ORC_NOTE_NAME "ORC" /* namesz counts its NUL */
#define ORC_NOTE_NAMESZ 4
#define ORC_NOTE_TYPE 1   /* NT_ORC_OBJECT */
#define ORC_NOTE_DESCSZ 8 /* u32 format version, u32 LLVM major version */
#define ORC_FORMAT_VERSION 1

/* ---- Names (section 4 and "Reserved names") --------------------------- */

/* Symbols with this prefix belong to ORC: the pass leaves them alone. */
#define ORC_RESERVED_PREFIX "__orc_"
/* An import cell: ORC_IMPORT_CELL_PREFIX + the external symbol's name. */
#define ORC_IMPORT_CELL_PREFIX "__orc_imp."

/* ---- The capability table (docs/runtime-abi.md) ----------------------- */

/* The table lies at W + ORC_CTABLE_OFFSET of the cVM's window (orc_abi.h),
 * read-only to the cVM. Slots below ORC_FIRST_SLOT belong to the monitor:
 * the hostcall gate (cVM code calls *%gs:0x10000) and W itself
 * (ORC_SLOT_WINDOW, orc_abi.h); 2 and 3 are reserved. Objects get
 * ORC_FIRST_SLOT and up. */
#define ORC_SLOT_GATE 0
#define ORC_FIRST_SLOT 4

#endif

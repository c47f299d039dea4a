# Builds the cVM runtime with musl's own Makefile, read after it:
#
#   make -f Makefile -f orc.mk ORC_PLUGIN=... ORC_INCLUDE=... ORC_LAYOUT=... \
#        ORC_BUILTINS=... DESTDIR=OUT orc-all
#
# in a build directory that musl's configure set up (config.mak). musl's
# Makefile keeps choosing what to compile (src/*/*.c, with the x86_64
# files replacing generic ones), its flags and its generated headers; this
# adds the pass to every compilation and links libc.so as an ORC object
# instead of musl's dynamic-linker-in-libc.so. Outputs, under DESTDIR:
#   lib/libc.so                the runtime (src/ only; no ldso/)
#   lib/crt1.o                 musl's Scrt1.o (PIC: programs are PIEs)
#   lib/crti.o lib/crtn.o      musl's, for build systems that name them
#   include/                   musl's installed headers

ifeq ($(ORC_PLUGIN),)
$(error ORC_PLUGIN (orc.so) is not set)
endif
ifeq ($(ORC_INCLUDE),)
$(error ORC_INCLUDE (the project's include/, for orc_format.h) is not set)
endif

# Every object goes through the pass; header dependencies are recorded so
# that a changed patch rebuilds what it affects, and a rebuilt pass
# rebuilds everything.
CFLAGS_ALL += -fpass-plugin=$(ORC_PLUGIN) -MMD -MP -I$(ORC_INCLUDE)
$(LOBJS) $(CRT_OBJS): $(ORC_PLUGIN)
-include $(wildcard $(LOBJS:%.lo=%.d) $(CRT_OBJS:%.o=%.d))

LIBCC = $(ORC_BUILTINS)

# musl's own link flags (configure's LDFLAGS_AUTO) except --dynamic-list
# (ORC objects do not interpose data on each other), -e _dlstart (no
# dynamic linker in it) and --gc-sections (it drops every empty .data, and
# then orc-layout.ld has nothing to insert orc_state before: lld fails),
# plus what an ORC object needs (docs/usage.md).
ORC_LDFLAGS = -fuse-ld=lld -nostdlib -shared -Wl,-soname,libc.so \
	-Wl,-Bsymbolic -Wl,-T,$(ORC_LAYOUT) \
	-Wl,--sort-section,alignment -Wl,--sort-common \
	-Wl,--hash-style=both -Wl,--no-undefined -Wl,--exclude-libs=ALL

ORC_LIB = $(DESTDIR)/lib

orc-all: $(ORC_LIB)/libc.so $(ORC_LIB)/crt1.o $(ORC_LIB)/crti.o \
	$(ORC_LIB)/crtn.o install-headers

$(ORC_LIB)/libc.so: $(LOBJS) $(ORC_LAYOUT)
	@mkdir -p $(@D)
	@echo "linking $@"
	@$(CC) $(ORC_LDFLAGS) -o $@ $(LOBJS) $(LIBCC)

$(ORC_LIB)/crt1.o: obj/crt/Scrt1.o
	@mkdir -p $(@D)
	cp $< $@

$(ORC_LIB)/crti.o: obj/crt/$(ARCH)/crti.o
	@mkdir -p $(@D)
	cp $< $@

$(ORC_LIB)/crtn.o: obj/crt/$(ARCH)/crtn.o
	@mkdir -p $(@D)
	cp $< $@

print-%:
	@echo '$($*)'

.PHONY: orc-all

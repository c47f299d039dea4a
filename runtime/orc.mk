# Builds the cVM runtime with musl's own Makefile, read after it:
#
#   make -f Makefile -f orc.mk ORC_PLUGIN=... ORC_INCLUDE=... ORC_LAYOUT=... \
#        ORC_SFI_CFLAGS=... ORC_AS=... ORC_NONSHARED=DIR ORC_AR=ar \
#        DESTDIR=OUT orc-all
#
# in a build directory that musl's configure set up (config.mak). musl's
# Makefile keeps choosing what to compile (src/*/*.c, with the x86_64
# files replacing generic ones), its flags and its generated headers; this
# adds the pass to every compilation and links libc.so as an ORC object
# instead of musl's dynamic-linker-in-libc.so. Outputs, under DESTDIR:
#   lib/libc.so                the runtime (src/ only; no ldso/)
#   lib/liborc_nonshared.a     what every ORC object links in, hidden:
#                              __tls_get_addr, complex multiplication
#                              (ORC_NONSHARED: runtime/nonshared/)
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

ORC_LIB = $(DESTDIR)/lib

# Every instruction through orc-as (docs/sfi.md): ORC_SFI_CFLAGS is
# -fno-integrated-as -B<dir of orc-as as `as`> -fno-plt -mno-red-zone, so
# musl's .s files and inline assembly pass through it too. Empty for the
# insecure baseline runtime of the benchmarks.
CFLAGS_ALL += $(ORC_SFI_CFLAGS)
# A change of these flags, or a rebuilt orc-as, rebuilds every object.
ORC_FLAGS_FILE = obj/orc-sfi-flags
$(shell mkdir -p obj && { echo '$(ORC_SFI_CFLAGS)' | cmp -s - $(ORC_FLAGS_FILE) || echo '$(ORC_SFI_CFLAGS)' >$(ORC_FLAGS_FILE); })
$(LOBJS) $(CRT_OBJS): $(ORC_FLAGS_FILE) $(if $(ORC_SFI_CFLAGS),$(ORC_AS))

# clang's calls to builtins (complex multiplication) are served by
# liborc_nonshared.a, built the same way; compiler-rt's archive is not.
NONSHARED_SRCS = $(sort $(wildcard $(ORC_NONSHARED)/*.c))
NONSHARED_OBJS = $(NONSHARED_SRCS:$(ORC_NONSHARED)/%.c=obj/orc-nonshared/%.lo)
$(NONSHARED_OBJS): CFLAGS_ALL += -fPIC
obj/orc-nonshared/%.lo: $(ORC_NONSHARED)/%.c $(GENH) $(ORC_PLUGIN) $(ORC_FLAGS_FILE) $(if $(ORC_SFI_CFLAGS),$(ORC_AS))
	@mkdir -p $(@D)
	$(CC_CMD)
-include $(wildcard $(NONSHARED_OBJS:%.lo=%.d))

$(ORC_LIB)/liborc_nonshared.a: $(NONSHARED_OBJS)
	@mkdir -p $(@D)
	@rm -f $@
	$(ORC_AR) rcs $@ $(NONSHARED_OBJS)

LIBCC = $(ORC_LIB)/liborc_nonshared.a

# musl's own link flags (configure's LDFLAGS_AUTO) except --dynamic-list
# (ORC objects do not interpose data on each other), -e _dlstart (no
# dynamic linker in it) and --gc-sections (it drops every empty .data, and
# then orc-layout.ld has nothing to insert orc_state before: lld fails),
# plus what an ORC object needs (docs/usage.md).
ORC_LDFLAGS = -fuse-ld=lld -nostdlib -shared -Wl,-soname,libc.so \
	-Wl,-Bsymbolic -Wl,-T,$(ORC_LAYOUT) \
	-Wl,--sort-section,alignment -Wl,--sort-common \
	-Wl,--hash-style=both -Wl,--no-undefined -Wl,--exclude-libs=ALL \
	-Wl,-z,now

orc-all: $(ORC_LIB)/libc.so $(ORC_LIB)/liborc_nonshared.a $(ORC_LIB)/crt1.o $(ORC_LIB)/crti.o \
	$(ORC_LIB)/crtn.o install-headers

$(ORC_LIB)/libc.so: $(LOBJS) $(LIBCC) $(ORC_LAYOUT)
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

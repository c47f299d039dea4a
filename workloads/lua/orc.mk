# Read after Lua's own src/Makefile (Debian's), in an empty build
# directory, with VPATH pointing at the source:
#   make -f SRC/src/Makefile -f orc.mk VPATH=SRC/src LUA_SRC=SRC \
#        CC=... MODE=shared|static orc-all
# Lua's Makefile gives the object lists (CORE_O, LIB_O, LUA_O) and CFLAGS
# (-Wall -Wextra -DLUA_COMPAT_5_3 $(SYSCFLAGS) $(MYCFLAGS)); Debian's
# version of it builds through libtool, with a C++ twin of every object and
# the interpreter linked statically, which is not what a shared ORC library
# wants, so the recipes are these:
#   MODE=shared  out/liblua5.4.so.0 (Debian's soname and version script)
#                and out/lua5.4 linked against it
#   MODE=static  out/lua5.4 with the library linked in (the native reference)
# (under out/: targets named as Lua's own would get its prerequisites too).
# Debian's version script names _IO_stdin_used, which liblua does not
# define; lld refuses that by default (--no-undefined-version), GNU ld,
# with which Debian links, does not: hence --undefined-version.
# llex, lparser and lcode get -Os, as Debian's Makefile gives them. -I.
# finds lua5.4-deb-multiarch.h, which the build script writes.
ORC_O := $(addprefix obj/,$(BASE_O))
ORC_OS := obj/llex.o obj/lparser.o obj/lcode.o
ORC_PIC := $(if $(filter shared,$(MODE)),-fPIC)

obj/%.o: %.c
	@mkdir -p obj
	$(CC) $(CFLAGS) $(ORC_PIC) -I. -c $< -o $@

$(ORC_OS): CFLAGS += -Os

out/liblua$(V).so.0: $(ORC_O)
	@mkdir -p out
	$(CC) -shared -Wl,-soname,liblua$(V).so.0 \
	  -Wl,--version-script,$(LUA_SRC)/debian/version-script \
	  -Wl,--undefined-version $(LDFLAGS) $(ORC_O) -lm -o $@

ifeq ($(MODE),shared)
out/lua$(V): obj/lua.o out/liblua$(V).so.0
	$(CC) $(LDFLAGS) -Wl,-E obj/lua.o out/liblua$(V).so.0 $(LIBS) -o $@
orc-all: out/liblua$(V).so.0 out/lua$(V)
else
out/lua$(V): obj/lua.o $(ORC_O)
	@mkdir -p out
	$(CC) $(LDFLAGS) -static obj/lua.o $(ORC_O) $(LIBS) -o $@
orc-all: out/lua$(V)
endif

.PHONY: orc-all

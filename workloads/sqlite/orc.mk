# Read after the Makefile SQLite's configure writes (make -f Makefile -f
# orc.mk): speedtest1 linked against libsqlite3.la (the shared ORC library,
# or the static one natively), as Debian's 32-dynamic_link patch does for
# the shell. SQLite's own speedtest1 rule compiles the whole amalgamation
# into the program again.
speedtest1-lib$(TEXE): $(TOP)/test/speedtest1.c libsqlite3.la
	$(LTLINK) $(ST_OPT) -o $@ $(TOP)/test/speedtest1.c libsqlite3.la $(TLIBS)

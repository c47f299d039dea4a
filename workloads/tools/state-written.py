# gdb script: how many bytes of each object's state instance a cVM writes.
#
#   ORC_MAIN_OFFSET=HEX gdb -q -batch -x state-written.py \
#       --args build/bin/orc run --root IMG PROG ARGS...
#
# Three snapshots of every state instance of the (one) cVM `orc run`
# creates, read from the monitor process through its debug information
# (loader/internal.h, monitor/cvm.c):
#   fresh    when orc_instantiate returns: the template's bytes, zero fill
#            and the state relocations applied -- what the cVM starts with
#   main     at the program's main (after libc's start-up and every
#            object's constructors)
#   exit     when the cVM ends (cvm_kill: exit, exit_group)
# and prints, per object, the template size and the bytes that differ from
# the fresh copy at main and at exit (a byte written with the value it
# had is not counted; a lower bound of what was written), and how many of
# the template's 4 KiB pages (as laid out in the file) those bytes touch.
import os

import gdb

gdb.execute("set pagination off")
gdb.execute("set confirm off")
# The monitor's own signals (ending threads, interrupts) go to it unseen.
for sig in ("SIGUSR1", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGCHLD", "SIGURG", "SIGSYS"):
    gdb.execute("handle %s nostop noprint pass" % sig)
gdb.execute("handle SIG34 nostop noprint pass")
for n in range(35, 65):
    try:
        gdb.execute("handle SIG%d nostop noprint pass" % n, to_string=True)
    except gdb.error:
        pass

inf = gdb.selected_inferior
objs = []        # (name, address, size)
snaps = {}       # phase -> [bytes per object]


def snapshot(phase):
    snaps[phase] = [bytes(inf().read_memory(a, s)) if a else b"" for (_, a, s) in objs]


class Instantiated(gdb.FinishBreakpoint):
    def __init__(self, frame, link, out):
        super().__init__(frame, internal=True)
        self.link, self.out = link, out

    def stop(self):
        inst = self.out.dereference()
        link = self.link.dereference()
        for i in range(int(inst["nobjects"])):
            o = link["obj"][i].dereference()
            name = o["elf"]["name"].string()
            size = int(o["elf"]["tmpl_size"])
            addr = int(inst["state"][i])
            objs.append((name, addr, size))
        snapshot("fresh")
        # The program's main (obj[0]): ORC_MAIN_OFFSET, its address in the
        # program file (llvm-nm; main is rarely a dynamic symbol), else the
        # dynamic symbol table.
        p = link["obj"][0].dereference()
        base = int(p["base"])
        off = int(os.environ.get("ORC_MAIN_OFFSET", "0"), 16)
        if not off:
            for k in range(int(p["elf"]["nsyms"])):
                s = p["elf"]["syms"][k]
                if s["name"] and s["name"].string() == "main" and int(s["value"]):
                    off = int(s["value"])
                    break
        if off:
            gdb.Breakpoint("*0x%x" % (base + off), internal=True)
        return False

    def out_of_scope(self):
        pass


class AtInstantiate(gdb.Breakpoint):
    def stop(self):
        f = gdb.selected_frame()
        Instantiated(f, gdb.parse_and_eval("l"), gdb.parse_and_eval("out"))
        self.enabled = False
        return False


AtInstantiate("orc_instantiate", internal=True)
gdb.Breakpoint("cvm_kill", internal=True)

phase = "main"
gdb.execute("run")
while True:
    try:
        th = gdb.selected_thread()
    except gdb.error:
        th = None
    if th is None or not th.is_valid():
        break
    frame = gdb.selected_frame()
    if frame.name() == "cvm_kill":
        snapshot("exit")
        break
    snapshot("main")
    gdb.execute("continue")


def diff(a, b):
    n, pages = 0, set()
    for i in range(min(len(a), len(b))):
        if a[i] != b[i]:
            n += 1
            pages.add(i // 4096)
    return n, len(pages)


# ORC_WRITTEN_DETAIL=1: also the offsets (in the template) that differ.
if os.environ.get("ORC_WRITTEN_DETAIL"):
    for i, (name, addr, size) in enumerate(objs):
        for ph in ("main", "exit"):
            if ph in snaps:
                offs = [k for k in range(size) if snaps["fresh"][i][k] != snaps[ph][i][k]]
                print("ORC-DETAIL", name, ph, " ".join("%x" % k for k in offs))
print("ORC-STATE-WRITTEN")
for i, (name, addr, size) in enumerate(objs):
    row = [name, str(size)]
    for ph in ("main", "exit"):
        if ph in snaps:
            n, p = diff(snaps["fresh"][i], snaps[ph][i])
            row += [str(n), str(p)]
        else:
            row += ["-", "-"]
    print("\t".join(row))
gdb.execute("kill")

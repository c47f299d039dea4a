"""The `ksm` configuration of benchmarks/density/run: the `dynamic`
baseline's processes (per-image loader and libraries) with KSM merging
their identical pages.

Marking: each process is started with prctl(PR_SET_MEMORY_MERGE, 1) done
in the forked child just before exec (subprocess's preexec_fn: the tiny
launcher). The flag (MMF_VM_MERGE_ANY) survives execve since Linux 6.7;
the script checks /proc/PID/ksm_stat ("ksm_merge_any: yes") of the started
processes and fails the point if it did not. So every anonymous and
private (copy-on-write) mapping of the process is mergeable, as with
MADV_MERGEABLE over all of it; page-cache pages (the program and library
files) are not KSM's business: they are shared per file already.

Scanning: ksmd is off (run=0) while the processes start. Once all are
ready: pages_to_scan=SCAN_PAGES, sleep_millisecs=SCAN_SLEEP_MS,
smart_scan=0 (every page every pass), advisor_mode=none, run=1, until
full_scans has advanced by FULL_SCANS (the first pass can be a partial one,
and a page merges on the pass after the one that first checksums it), at
most TIMEOUT_S. The points record the scan time, ksmd's CPU time over it
(utime+stime of the ksmd thread, /proc/PID/stat; and its exact runtime from
/proc/PID/schedstat), pages_shared and pages_sharing; then memory is read
with the merged pages in place.

After each point (and at exit, on error or Ctrl-C or SIGTERM) KSM is put
back: run=2 (unmerge everything), then every setting written here to its
previous value, run last. Skipped with the reason where KSM is missing, not
writable, or PR_SET_MEMORY_MERGE does not work.
"""
import atexit
import ctypes
import os
import signal
import sys
import time
from pathlib import Path

KSM = Path("/sys/kernel/mm/ksm")
PR_SET_MEMORY_MERGE = 67
SCAN_PAGES = 10000
SCAN_SLEEP_MS = 10
FULL_SCANS = 3
TIMEOUT_S = 120
SETTINGS = [("pages_to_scan", SCAN_PAGES), ("sleep_millisecs", SCAN_SLEEP_MS), ("smart_scan", 0),
            ("advisor_mode", "none")]
FIELDS = ["ksm_scan_s", "ksmd_cpu_s", "ksmd_runtime_s", "ksm_full_scans", "ksm_merging_pages",
          "ksm_pages_shared", "ksm_pages_sharing", "ksm_other_processes"]

_libc = ctypes.CDLL(None, use_errno=True)


def describe():
    return ("ksm: ksmd with pages_to_scan=%d, sleep_millisecs=%d, smart_scan=0, run until full_scans "
            "advanced by %d after all instances are ready (at most %d s)" % (
                SCAN_PAGES, SCAN_SLEEP_MS, FULL_SCANS, TIMEOUT_S))


def mark():
    """preexec_fn: make the process about to exec mergeable as a whole."""
    if _libc.prctl(PR_SET_MEMORY_MERGE, 1, 0, 0, 0) != 0:
        os._exit(121)


def ksm_stat(pid):
    try:
        with open("/proc/%d/ksm_stat" % pid) as f:
            return dict(line.split(None, 1) for line in f.read().replace(":", "").splitlines() if " " in line)
    except OSError:
        return {}


def merge_any(pid):
    return ksm_stat(pid).get("ksm_merge_any", "").strip() == "yes"


def others(pids):
    """Processes not in PIDS that KSM scans too (ksm_mergeable: yes): ksmd's
    CPU time and the global counters then include their pages."""
    mine, n = set(pids), 0
    for d in os.listdir("/proc"):
        if d.isdigit() and int(d) not in mine and ksm_stat(int(d)).get("ksm_mergeable", "").strip() == "yes":
            n += 1
    return n


def read(name):
    return (KSM / name).read_text().strip()


def write(name, value):
    (KSM / name).write_text(str(value))


def setting(name):
    """The current value; for a [choice] list, the chosen one."""
    v = read(name)
    if "[" in v:
        return v.split("[", 1)[1].split("]", 1)[0]
    return v


def ksmd_pid():
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/comm" % d) as f:
                    if f.read().strip() == "ksmd":
                        return int(d)
            except OSError:
                pass
    return None


def ksmd_times(pid):
    """(utime+stime in s, exact runtime in s or None) of the ksmd thread."""
    cpu = run = None
    try:
        with open("/proc/%d/stat" % pid) as f:
            v = f.read().rsplit(")", 1)[1].split()
        cpu = (int(v[11]) + int(v[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open("/proc/%d/schedstat" % pid) as f:
            run = int(f.read().split()[0]) / 1e9
    except (OSError, IndexError, ValueError):
        pass
    return cpu, run


def _terminate(sig, frame):
    raise SystemExit(128 + sig)     # so that atexit puts KSM back


class Ksm:
    def __init__(self):
        self.saved = None
        self.pid = None

    def probe(self):
        """None if the ksm configuration can run here, else the reason."""
        if not (KSM / "run").exists():
            return "no KSM in this kernel (/sys/kernel/mm/ksm missing)"
        if not os.access(KSM / "run", os.W_OK):
            return "/sys/kernel/mm/ksm/run is not writable (needs root)"
        self.pid = ksmd_pid()
        if not self.pid:
            return "no ksmd thread found"
        import subprocess
        p = subprocess.Popen(["sleep", "5"], preexec_fn=mark, stdin=subprocess.DEVNULL)
        ok = False
        for _ in range(100):
            if merge_any(p.pid):
                ok = True
                break
            if p.poll() is not None:
                break
            time.sleep(0.01)
        p.kill()
        p.wait()
        if not ok:
            return ("prctl(PR_SET_MEMORY_MERGE) does not survive exec here (needs Linux 6.7+): "
                    "ksm_merge_any not set in the started process")
        self.save()
        if read("run") != "0":
            print("density: note: KSM was already running (run=%s): other processes' pages are "
                  "scanned too; it is put back afterwards" % read("run"), file=sys.stderr, flush=True)
        return None

    def save(self):
        if self.saved is None:
            self.saved = [(name, setting(name)) for name, _ in SETTINGS if (KSM / name).exists()]
            self.saved.append(("run", read("run")))
            atexit.register(self.restore)
            if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
                signal.signal(signal.SIGTERM, _terminate)

    def scan(self, pids, marked_by_prctl=True):
        """Check the processes are mergeable (unless they mark their own
        memory, as QEMU does its guests' with MADV_MERGEABLE), run ksmd
        until FULL_SCANS more full scans (or TIMEOUT_S), return the figures
        (and False if failed)."""
        if self.pid is None:
            self.pid = ksmd_pid()
        self.save()
        marked = all(merge_any(p) for p in pids) if marked_by_prctl else True
        for name, value in SETTINGS:
            if (KSM / name).exists():
                write(name, value)
        full0 = int(read("full_scans"))
        cpu0, run0 = ksmd_times(self.pid)
        t0 = time.time()
        write("run", 1)
        while int(read("full_scans")) < full0 + FULL_SCANS and time.time() - t0 < TIMEOUT_S:
            time.sleep(0.01)
        scan_s = time.time() - t0
        write("run", 0)       # stop scanning: the figures are for what merged by now
        cpu1, run1 = ksmd_times(self.pid)
        full = int(read("full_scans")) - full0
        merging = sum(int(ksm_stat(p).get("ksm_merging_pages", 0)) for p in pids)
        return marked and full >= FULL_SCANS, {
            "ksm_scan_s": round(scan_s, 3),
            "ksmd_cpu_s": round(cpu1 - cpu0, 3) if cpu0 is not None and cpu1 is not None else "",
            "ksmd_runtime_s": round(run1 - run0, 4) if run0 is not None and run1 is not None else "",
            "ksm_full_scans": full,
            "ksm_merging_pages": merging,
            "ksm_pages_shared": int(read("pages_shared")),
            "ksm_pages_sharing": int(read("pages_sharing")),
            "ksm_other_processes": others(pids)}

    def restore(self):
        """run=2 (unmerge all), then the saved settings, run last."""
        if self.saved is None:
            return
        try:
            write("run", 2)
        except OSError:
            pass
        for name, value in self.saved:
            try:
                write(name, value)
            except OSError:
                pass


def table(rows):
    """Markdown: the KSM figures of every ksm point."""
    rows = [r for r in rows if r["config"] == "ksm" and r.get("ksm_scan_s") not in (None, "")]
    if not rows:
        return ""
    out = ["## KSM scans (ksm configuration)\n",
           describe() + ". ksmd CPU: utime+stime of the ksmd thread over the scan (in brackets its "
           "runtime from /proc/PID/schedstat). Merged: the instances' pages mapped to KSM pages "
           "(ksm_merging_pages of /proc/PID/ksm_stat, summed). pages_shared / pages_sharing are "
           "system-wide, as is ksmd's work: they include other mergeable processes, if any (last column).\n",
           "| workload | K | N | scan time (s) | full scans | ksmd CPU (s) | merged pages | merged KiB per instance "
           "| pages_shared / pages_sharing | other mergeable processes |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append("| %s | %d | %d | %.2f | %d | %s (%s) | %d | %.1f | %d / %d | %d |" % (
            r["workload"], r["k"], r["n"], r["ksm_scan_s"], r["ksm_full_scans"], r["ksmd_cpu_s"],
            r["ksmd_runtime_s"], r["ksm_merging_pages"], 4.0 * r["ksm_merging_pages"] / r["n"],
            r["ksm_pages_shared"], r["ksm_pages_sharing"], r["ksm_other_processes"]))
    return "\n".join(out) + "\n"

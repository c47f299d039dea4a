"""QEMU/KVM microVM baseline for benchmarks/density/run.

Each instance is a QEMU `-M microvm` guest: Debian's cloud kernel (the
version linux-image-cloud-amd64 depends on, fetched with tools/fetch-deb,
not installed) and a busybox-static initramfs holding the workload's static
musl driver (build/benchmarks/density/static/W) and an /init that mounts
devtmpfs and a tmpfs /tmp, starts the driver with /tmp as its marker
directory, waits for the marker, then prints "ORC-DENSITY-READY <token>" on
the serial console (a file the host polls). One initramfs file per image
(K identical copies). Guests start in parallel, at most one booting per
core.

  microvm      N guests, KSM not running (QEMU marks guest RAM
               MADV_MERGEABLE, mem-merge=on, but nothing merges it)
  microvm-ksm  the same N guests, then ksmd run with the ksm configuration's
               settings and number of full scans (ksm.py): the row reports
               ksmd's CPU time and pages_sharing too.
               Both rows come from one boot. KSM's settings are restored
               afterwards (run=2 to unmerge, then the old values).

Memory per point: PSS of the qemu processes, plus their page tables and
kernel stacks; the host's used-memory delta (this also sees KVM's own
memory for the guests). Before the sweep one guest is booted as a probe: if
/dev/kvm is missing or the guest does not come up (the reason is printed),
the microVM configurations are skipped. Every qemu process is killed on
return, error or Ctrl-C (and by PR_SET_PDEATHSIG if this process dies).
"""
import atexit
import ctypes
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import ksm

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CONFIGS = ["microvm", "microvm-ksm"]
LABEL = {
    "microvm": "QEMU/KVM microVM (per-image initramfs)",
    "microvm-ksm": "QEMU/KVM microVM + KSM",
}
META = "linux-image-cloud-amd64"
READY = "ORC-DENSITY-READY"
FAILED = "ORC-DENSITY-FAILED"

INIT = """#!/bin/busybox sh
# ORC density benchmark guest: run the driver, report readiness, stay up.
B=/bin/busybox
$B mount -t devtmpfs dev /dev
exec </dev/console >/dev/console 2>&1
$B mount -t tmpfs -o size=1m tmp /tmp
/bin/%(w)s /tmp &
drv=$!
while ! $B ls /tmp/ready-* >/dev/null 2>&1; do
  $B kill -0 $drv 2>/dev/null || { echo "%(failed)s $orc_token"; $B poweroff -f; }
  $B usleep 20000
done
echo "%(ready)s $orc_token"
wait $drv
echo "%(failed)s $orc_token"
$B poweroff -f
"""


class Opts:
    vm_n = [1, 8, 32]
    vm_mem = 96
    accel = "kvm"
    boot_timeout = 60.0
    mem_limit = 0.0  # KiB the host may use in all (set by run)
    want_ksm = False


OPTS = Opts()
_live = set()           # qemu Popen objects still running
_cache = {}             # (w, k, n) -> the microvm-ksm row measured with the microvm row
_ksm = ksm.Ksm()        # the KSM settings, saved and put back (ksm.py)
_state = {}             # kernel, initrd dir, ksm notes


def add_options(ap):
    ap.add_argument("--vm-n", default="1,8,32", help="microVM instance counts (default 1,8,32)")
    ap.add_argument("--vm-mem", type=int, default=96, help="microVM guest memory, MiB (default 96)")
    ap.add_argument("--vm-accel", default="kvm", choices=["kvm", "tcg"],
                    help="kvm (default); tcg only to check the microVM pipeline where KVM is unusable "
                         "(figures then include TCG's translation cache and are not a KVM baseline)")


def configure(a):
    OPTS.vm_n = sorted(int(x) for x in a.vm_n.split(",") if x)
    OPTS.vm_mem = a.vm_mem
    OPTS.accel = a.vm_accel
    OPTS.want_ksm = "microvm-ksm" in a.configs.split(",")
    if OPTS.accel == "tcg":
        OPTS.boot_timeout = 300.0
        LABEL["microvm"] = "QEMU microVM under TCG (not KVM)"
        LABEL["microvm-ksm"] = "QEMU microVM under TCG + KSM"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- guests

def _pdeathsig():
    # qemu gets SIGKILL when the thread that started it (the main thread) dies.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def kill_guests(procs=None):
    procs = list(_live if procs is None else procs)
    for p in procs:
        try:
            p.kill()
        except ProcessLookupError:
            pass
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        _live.discard(p)


def _at_exit():
    kill_guests()
    _ksm.restore()


atexit.register(_at_exit)


def kernel(build):
    """vmlinuz of the cloud kernel, unpacked (./boot only) under build/third_party."""
    if "kernel" in _state:
        return _state["kernel"]
    r = subprocess.run(["apt-cache", "depends", META], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deps = [l.split(":", 1)[1].strip() for l in r.stdout.splitlines()
            if l.strip().startswith("Depends:") and "linux-image-" in l]
    if not deps:
        subprocess.run(["apt-get", "update", "-qq"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        r = subprocess.run(["apt-cache", "depends", META], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        deps = [l.split(":", 1)[1].strip() for l in r.stdout.splitlines()
                if l.strip().startswith("Depends:") and "linux-image-" in l]
    if not deps:
        raise RuntimeError("apt knows no %s (apt-cache depends %s)" % (META, META))
    pkg = deps[0]
    r = subprocess.run([str(REPO / "tools/fetch-deb"), pkg, str(build.b / "third_party"), "./boot"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError("tools/fetch-deb %s failed: %s" % (pkg, r.stderr.strip()[-500:]))
    tree = Path(r.stdout.strip().splitlines()[-1])
    vmlinuz = sorted(tree.glob("boot/vmlinuz-*"))
    if not vmlinuz:
        raise RuntimeError("no boot/vmlinuz-* in %s" % tree)
    _state["kernel"] = vmlinuz[0]
    _state["kernel_version"] = tree.name.split("_", 1)[1]
    _state["kernel_release"] = vmlinuz[0].name[len("vmlinuz-"):]
    return vmlinuz[0]


def initrds(build, workloads, k):
    """build/benchmarks/density/microvm/initrd/W.cpio (newc, uncompressed), and
    K copies W-imgI.cpio, one per image."""
    d = build.work / "microvm" / "initrd"
    d.mkdir(parents=True, exist_ok=True)
    busybox = Path("/bin/busybox")
    if not busybox.exists():
        raise RuntimeError("/bin/busybox missing (apt-get install busybox-static)")
    for w in workloads:
        drv = build.work / "static" / w
        out = d / (w + ".cpio")
        init = INIT % {"w": w, "ready": READY, "failed": FAILED}
        stamp = d / (w + ".init")
        if not out.exists() or not stamp.exists() or stamp.read_text() != init or \
                any(s.stat().st_mtime > out.stat().st_mtime for s in (drv, busybox, Path(__file__))):
            stage = d / ("stage-" + w)
            shutil.rmtree(stage, ignore_errors=True)
            for sub in ("bin", "dev", "tmp"):
                (stage / sub).mkdir(parents=True)
            shutil.copy(busybox, stage / "bin/busybox")
            shutil.copy(drv, stage / "bin" / w)
            (stage / "init").write_text(init)
            os.chmod(stage / "init", 0o755)
            names = subprocess.run(["find", "."], cwd=stage, stdout=subprocess.PIPE, text=True, check=True).stdout
            with open(str(out) + ".tmp", "wb") as f:
                subprocess.run(["cpio", "-o", "-H", "newc", "--quiet", "--owner=0:0"], cwd=stage,
                               input="\n".join(sorted(names.split())).encode() + b"\n", stdout=f, check=True)
            os.replace(str(out) + ".tmp", out)
            stamp.write_text(init)
            shutil.rmtree(stage)
        for i in range(1, k + 1):
            img = d / ("%s-img%d.cpio" % (w, i))
            if not img.exists() or img.stat().st_mtime < out.stat().st_mtime:
                shutil.copy(out, img)
    return d


def qemu_cmd(vmlinuz, initrd, serial, token):
    if OPTS.accel == "kvm":
        accel = ["-accel", "kvm", "-cpu", "host"]
    else:
        accel = ["-accel", "tcg,tb-size=32", "-cpu", "max"]
    return ["qemu-system-x86_64", "-M", "microvm,acpi=off,mem-merge=on"] + accel + [
        "-m", "%dM" % OPTS.vm_mem, "-smp", "1", "-nodefaults", "-no-user-config", "-display", "none",
        "-no-reboot", "-serial", "file:%s" % serial, "-kernel", str(vmlinuz), "-initrd", str(initrd),
        "-append", "console=ttyS0 quiet panic=-1 tsc=reliable orc_token=%s" % token]


def boot(vmlinuz, initrd_of, n, vmdir, limit_kib=None, used=None):
    """Start N guests (guest j with initrd_of(j)), at most one booting per core;
    returns (procs, ok, reason). The caller kills the procs."""
    shutil.rmtree(vmdir, ignore_errors=True)
    vmdir.mkdir(parents=True)
    run_id = secrets.token_hex(4)
    procs, booting = [], {}
    parallel = max(1, os.cpu_count() or 1)
    j, reason = 0, None
    end = time.time() + OPTS.boot_timeout + 2.0 * n
    while j < n or booting:
        while j < n and len(booting) < parallel:
            if limit_kib and used and used() > limit_kib:
                return procs, False, "memory cap reached after %d guests" % j
            j += 1
            token = "%s-%d" % (run_id, j)
            serial = vmdir / ("guest-%d.log" % j)
            err = open(vmdir / ("guest-%d.err" % j), "w")
            p = subprocess.Popen(qemu_cmd(vmlinuz, initrd_of(j), serial, token), stdin=subprocess.DEVNULL,
                                 stdout=err, stderr=subprocess.STDOUT, close_fds=True, preexec_fn=_pdeathsig)
            err.close()
            _live.add(p)
            procs.append(p)
            booting[p] = (serial, token, time.time(), j)
        time.sleep(0.05)
        for p, (serial, token, t0, jj) in list(booting.items()):
            try:
                text = serial.read_text(errors="replace")
            except FileNotFoundError:
                text = ""
            if "%s %s" % (READY, token) in text:
                del booting[p]
            elif p.poll() is not None or "%s %s" % (FAILED, token) in text or \
                    time.time() - t0 > OPTS.boot_timeout or time.time() > end:
                tail = (text.strip().splitlines() or [""])[-1][-200:]
                err = (vmdir / ("guest-%d.err" % jj)).read_text(errors="replace").strip()[-300:]
                why = "exited %s" % p.returncode if p.poll() is not None else \
                    "not ready after %.0f s" % (time.time() - t0)
                return procs, False, "guest %d %s (serial: %r; qemu: %r)" % (jj, why, tail, err)
    return procs, True, None


def probe(build, workloads):
    """Boot one guest of the first workload; None if it came up, else the reason."""
    if OPTS.accel == "kvm":
        if not os.path.exists("/dev/kvm"):
            return "/dev/kvm does not exist"
        if not os.access("/dev/kvm", os.R_OK | os.W_OK):
            return "/dev/kvm is not usable by this user"
    if not shutil.which("qemu-system-x86_64"):
        return "qemu-system-x86_64 missing (tools/setup bench installs qemu-system-x86)"
    try:
        vmlinuz = kernel(build)
        d = initrds(build, workloads[:1], 1)
    except (RuntimeError, subprocess.CalledProcessError, OSError) as e:
        return str(e)
    t0 = time.time()
    procs, ok, reason = boot(vmlinuz, lambda j: d / ("%s-img1.cpio" % workloads[0]), 1,
                             build.work / "run" / "vm-probe")
    kill_guests(procs)
    if ok:
        _state["probe_s"] = time.time() - t0
        return None
    if OPTS.accel == "kvm" and os.path.isdir("/sys/module/kvm_pvm"):
        reason += ("; this host's /dev/kvm is kvm_pvm (PVM, nested without hardware virtualisation), "
                   "which runs an unmodified guest kernel only by emulating it")
    return reason


def prepare(build, workloads, ks):
    """Fetch the kernel, build the initramfs files, boot a probe guest. Returns
    None when the microVM configurations can run, else the reason."""
    log("density: microVM: fetching the kernel, building initramfs files, booting a probe guest (%s)" % OPTS.accel)
    why = probe(build, workloads)
    if why is None:
        initrds(build, workloads, max(ks))
        log("density: microVM: kernel %s (%s), guest memory %d MiB, probe boot %.1f s" % (
            _state["kernel_release"], _state["kernel_version"], OPTS.vm_mem, _state["probe_s"]))
    return why


def describe():
    return ("microvm: qemu-system-x86_64 -M microvm,acpi=off (%s), %d MiB, 1 vCPU, Debian cloud kernel %s (%s), "
            "initramfs busybox-static + static driver; microvm-ksm: the same guests after ksmd with "
            "pages_to_scan=%d, sleep_millisecs=%d, %d more full scans" % (
                OPTS.accel.upper(), OPTS.vm_mem, _state.get("kernel_release", "?"),
                _state.get("kernel_version", "?"), ksm.SCAN_PAGES, ksm.SCAN_SLEEP_MS, ksm.FULL_SCANS))


# ---------------------------------------------------------------- measuring

def measure(build, work, w, config, k, n, settle, probes):
    """N guests of W over K images; returns the row for CONFIG. With
    OPTS.want_ksm (microvm-ksm is being measured too) the microvm row's guests are then
    merged by KSM and that row is kept for the microvm-ksm call."""
    if config == "microvm-ksm" and (w, k, n) in _cache:
        return _cache.pop((w, k, n))
    reading, used_kib, accounted_kib = probes  # run's: the memory figures, the baselines
    if (ksm.KSM / "run").exists() and ksm.read("run") == "1":
        log("density: microVM: KSM is running on this host: the microvm rows are not KSM-free")
    d = build.work / "microvm" / "initrd"
    limit = OPTS.mem_limit
    time.sleep(settle)
    base, abase = used_kib(5), accounted_kib(5)
    t0 = time.time()
    procs = []
    try:
        procs, ok, reason = boot(kernel(build), lambda j: d / ("%s-img%d.cpio" % (w, 1 + (j - 1) % k)), n,
                                 work / "vm", limit, used_kib)
        start_s = time.time() - t0
        if not ok:
            log("\ndensity: microVM %s K=%d N=%d: %s" % (w, k, n, reason))
        time.sleep(settle)

        def point():
            mem = reading([p.pid for p in procs], base, abase)
            alive = sum(p.poll() is None for p in procs)
            return {"ok": ok and alive == n == len(procs), **mem, "processes": len(procs),
                    "start_s": round(start_s, 3)}
        row = point()
        if ok and (config == "microvm-ksm" or OPTS.want_ksm):
            try:
                merged, ks = _ksm.scan([p.pid for p in procs], marked_by_prctl=False)
                time.sleep(settle)
                krow = point()
                krow.update(ks)
                krow["ok"] = krow["ok"] and merged
            finally:
                kill_guests(procs)
                _ksm.restore()
            if config == "microvm-ksm":
                return krow
            _cache[(w, k, n)] = krow
        return row
    finally:
        kill_guests(procs)


# ---------------------------------------------------------------- report

def report(rows):
    """A markdown section on the microVM setup and KSM's work."""
    vm = [r for r in rows if r["config"] in CONFIGS]
    if not vm:
        return ""
    out = ["## MicroVMs\n",
           "QEMU `-M microvm` (%s), %d MiB, 1 vCPU; Debian cloud kernel %s (%s); initramfs: busybox-static + "
           "the static musl driver; KSM: pages_to_scan %d, sleep_millisecs %d, %d full scans.\n" % (
               OPTS.accel.upper(), OPTS.vm_mem, _state.get("kernel_release", "?"),
               _state.get("kernel_version", "?"), ksm.SCAN_PAGES, ksm.SCAN_SLEEP_MS, ksm.FULL_SCANS)]
    ks = [r for r in vm if r["config"] == "microvm-ksm" and "ksm_pages_sharing" in r]
    if ks:
        out.append("| workload | K | N | PSS MiB per guest without / with KSM | pages_sharing | pages_shared "
                   "| full scans | KSM wall s | ksmd CPU s |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        plain = {(r["workload"], r["k"], r["n"]): r for r in vm if r["config"] == "microvm"}
        for r in ks:
            p = plain.get((r["workload"], r["k"], r["n"]))
            out.append("| %s | %d | %d | %s / %.1f | %d | %d | %d | %.1f | %.1f |" % (
                r["workload"], r["k"], r["n"], "%.1f" % (p["pss_kib"] / 1024 / r["n"]) if p else "-",
                r["pss_kib"] / 1024 / r["n"], r["ksm_pages_sharing"], r["ksm_pages_shared"], r["ksm_full_scans"],
                r["ksm_scan_s"], r["ksmd_cpu_s"] or 0))
    return "\n".join(out) + "\n"

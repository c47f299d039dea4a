"""The `crun` configuration of benchmarks/density/run: the static musl
drivers in OCI containers started with crun, one root filesystem per image.

K images are K root filesystems (build/benchmarks/density/crun/imgI/rootfs),
each with its own copy of every static driver in /bin and an empty /tmp.
Each (image, workload) pair has a bundle directory whose config.json is
`crun spec`'s template with: no terminal; args [/bin/W, /tmp]; the root
read-only, with the image's /tmp bind-mounted read-write at /tmp (the
drivers write their readiness marker there, so the marker shows on the host
in imgI/rootfs/tmp, as for ORC's cVMs); the template's namespaces (pid,
network, ipc, uts, mount: a network namespace per container, as
`crun spec` and container engines do) and mounts (/proc, a tmpfs /dev,
/dev/pts, /dev/shm, /dev/mqueue, a read-only /sys) without the cgroup
filesystem mount. N containers run from those bundles (`crun run -d`,
several at once), container j from image 1 + (j-1) mod K.

crun leaves no process running beside the container's own (no shim or
monitor, unlike runc's or containerd's), so a container's memory is the
PSS of the processes in its PID namespace (the driver alone, as PID 1);
the script checks that no crun process is left over.

Cgroups: crun's own cgroup manager first (a cgroup per container). On a
host with both cgroup v1 hierarchies and a cgroup v2 mount that has a
controller (a "hybrid" setup, as on the VM these figures were taken on),
crun refuses every container ("cgroups in hybrid mode not supported")
whatever its --cgroup-manager; there the script runs each crun command in
a private mount namespace (unshare -m) in which /sys/fs/cgroup/unified is
unmounted, with --cgroup-manager=disabled: no per-container cgroup, the
containers stay in the script's cgroups. That leaves out what a cgroup per
container costs the kernel, so the figures are then a lower bound for
containers. The mode used is printed with the results.

crun's state lives in its own --root (/run/orc-density-crun); containers
left there by an interrupted run (whose process is gone) are deleted first,
and every container started is deleted (`crun delete -f`, then SIGKILL to any process left)
even on error or Ctrl-C.
"""
import atexit
import concurrent.futures
import ctypes
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

STATE_ROOT = "/run/orc-density-crun"
PR_SET_CHILD_SUBREAPER = 36
HYBRID_WRAP = ["unshare", "-m", "--propagation", "private", "sh", "-c",
               'umount /sys/fs/cgroup/unified && exec "$@"', "sh"]


class Crun:
    def __init__(self, work, static_dir, workloads):
        self.dir = Path(work) / "crun"
        self.static = Path(static_dir)
        self.workloads = list(workloads)
        self.mode = None        # "cgroupfs" or "hybrid-disabled"
        self.k = None
        self.live = set()       # container ids possibly running
        self.pids = set()       # their processes, to reap
        self.seq = 0
        self.libc = ctypes.CDLL(None, use_errno=True)
        atexit.register(self.cleanup)

    # ------------------------------------------------------------ crun
    def cmd(self, *args):
        base = ["crun", "--root", STATE_ROOT]
        if self.mode == "hybrid-disabled":
            return HYBRID_WRAP + base + ["--cgroup-manager=disabled"] + list(args)
        return base + list(args)

    def run(self, *args, timeout=60):
        """Run crun; its output through a file, not a pipe: a detached
        container inherits crun's stdout and stderr and would hold a pipe open."""
        with tempfile.TemporaryFile("w+") as out:
            r = subprocess.run(self.cmd(*args), stdin=subprocess.DEVNULL, stdout=out, stderr=out, timeout=timeout)
            out.seek(0)
            r.stdout = out.read()
        return r

    def describe(self):
        if self.mode == "hybrid-disabled":
            return ("crun: containers with pid, network, ipc, uts and mount namespaces, read-only root; "
                    "no per-container cgroup (crun refuses this hybrid cgroup v1/v2 host, so it runs "
                    "with --cgroup-manager=disabled in a mount namespace without the v2 mount): a lower "
                    "bound for containers")
        return ("crun: containers with pid, network, ipc, uts and mount namespaces, read-only root, "
                "a cgroup per container (crun's cgroupfs manager)")

    # ------------------------------------------------------------ images
    def prepare(self, k):
        """K root filesystems, each with its own copy of every static driver,
        and one bundle (config.json) per image and workload."""
        if self.k == k:
            return
        workloads = self.workloads
        shutil.rmtree(self.dir / "images", ignore_errors=True)
        tmpl = self.template()
        for i in range(1, k + 1):
            img = self.dir / "images" / ("img%d" % i)
            root = img / "rootfs"
            for sub in ("bin", "tmp", "proc", "dev", "sys"):
                (root / sub).mkdir(parents=True, exist_ok=True)
            os.chmod(root / "tmp", 0o1777)
            for w in workloads:
                shutil.copy(self.static / w, root / "bin" / w)
                b = img / ("bundle-" + w)
                b.mkdir(exist_ok=True)
                (b / "config.json").write_text(json.dumps(self.config(tmpl, root, w), indent=1))
        os.sync()
        self.k = k

    def template(self):
        t = self.dir / "template"
        shutil.rmtree(t, ignore_errors=True)
        t.mkdir(parents=True)
        r = subprocess.run(["crun", "spec"], cwd=t, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            raise RuntimeError("crun spec failed: " + r.stdout.strip())
        return json.loads((t / "config.json").read_text())

    @staticmethod
    def config(tmpl, root, w):
        c = json.loads(json.dumps(tmpl))
        c["process"]["terminal"] = False
        c["process"]["args"] = ["/bin/" + w, "/tmp"]
        c["root"] = {"path": str(root), "readonly": True}
        c["hostname"] = "density"
        c["mounts"] = [m for m in c["mounts"] if m["destination"] != "/sys/fs/cgroup"]
        c["mounts"].append({"destination": "/tmp", "type": "bind", "source": str(root / "tmp"),
                            "options": ["rbind", "rw", "nosuid", "nodev"]})
        return c

    def markers(self):
        return [self.dir / "images" / ("img%d" % i) / "rootfs" / "tmp" for i in range(1, self.k + 1)]

    def clear_markers(self):
        for d in self.markers():
            for f in d.glob("ready-*"):
                f.unlink()

    # ------------------------------------------------------------ lifecycle
    def start(self, cid, bundle):
        self.live.add(cid)
        r = self.run("run", "-d", "--bundle", str(bundle), cid)
        if r.returncode != 0:
            raise RuntimeError("crun run %s: %s" % (cid, r.stdout.strip()[-500:]))
        return self.state(cid)

    def state(self, cid):
        r = self.run("state", cid)
        if r.returncode != 0:
            return None
        try:
            pid = int(json.loads(r.stdout)["pid"])
        except (ValueError, KeyError):
            return None
        if pid > 0:
            self.pids.add(pid)
        return pid

    def delete(self, ids):
        ids = list(ids)
        if not ids:
            return
        with concurrent.futures.ThreadPoolExecutor(8) as ex:
            list(ex.map(lambda c: self.run("delete", "-f", c), ids))
        for cid in ids:
            if not (Path(STATE_ROOT) / cid).exists():
                self.live.discard(cid)
        self.reap()

    def reap(self):
        """SIGKILL anything left of the containers and reap it (the script is
        their subreaper while containers run)."""
        for pid in list(self.pids):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        end = time.time() + 10
        for pid in list(self.pids):
            while True:
                try:
                    p, _ = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:   # not our child (reaped elsewhere)
                    if not os.path.exists("/proc/%d" % pid) or time.time() > end:
                        break
                    time.sleep(0.02)
                    continue
                if p or time.time() > end:
                    break
                time.sleep(0.02)
            self.pids.discard(pid)
        self.reap_orphans()

    @staticmethod
    def reap_orphans():
        """Reap the dead processes orphaned to us while we are the subreaper
        (crun's helper processes). Only called when no crun command of ours
        runs, and no other child of the script is alive then."""
        while True:
            try:
                p, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if not p:
                break

    def cleanup(self):
        """Delete our containers, and those in our state root left by a run
        of the script that is gone (ids density-PID-..., density-probe-PID)."""
        if not os.path.isdir(STATE_ROOT) or not shutil.which("crun"):
            return

        def stale(d):
            f = d.split("-")
            pid = f[2] if len(f) > 2 and f[1] == "probe" else f[1] if len(f) > 1 else ""
            return f[0] == "density" and pid.isdigit() and (
                int(pid) == os.getpid() or not os.path.exists("/proc/%s" % pid))
        ids = set(self.live) | {d for d in os.listdir(STATE_ROOT)
                                if os.path.isdir(os.path.join(STATE_ROOT, d)) and stale(d)}
        if ids:
            try:
                self.delete(sorted(ids))
            except Exception:
                pass
        self.live.clear()

    def subreaper(self, on):
        self.libc.prctl(PR_SET_CHILD_SUBREAPER, 1 if on else 0, 0, 0, 0)

    # ------------------------------------------------------------ probe
    def probe(self):
        """None if crun can run a container here, else the reason. Picks the mode."""
        w = self.workloads[0]
        if not shutil.which("crun"):
            return "crun is not installed (tools/setup bench installs it)"
        if os.geteuid() != 0:
            return "needs root (rootless crun is not set up by the script)"
        self.cleanup()
        try:
            self.prepare(1)
        except (RuntimeError, OSError) as e:
            return str(e)
        errors = []
        for mode in ("cgroupfs", "hybrid-disabled"):
            if mode == "hybrid-disabled" and not (
                    os.path.ismount("/sys/fs/cgroup/unified") and shutil.which("unshare")):
                continue
            self.mode = mode
            self.clear_markers()
            cid = "density-probe-%d" % os.getpid()
            self.subreaper(True)
            try:
                self.start(cid, self.dir / "images/img1" / ("bundle-" + w))
                end = time.time() + 10
                while time.time() < end and not list(self.markers()[0].glob("ready-*")):
                    time.sleep(0.05)
                ok = bool(list(self.markers()[0].glob("ready-*")))
                if ok:
                    return None
                errors.append("%s: the probe container did not become ready" % mode)
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                errors.append("%s: %s" % (mode, str(e).splitlines()[-1] if str(e) else e))
            finally:
                self.delete([cid])
                self.subreaper(False)
        self.mode = None
        return "crun cannot run containers here (" + "; ".join(errors) + ")"

    # ------------------------------------------------------------ measure
    def measure(self, w, k, n, settle, reading):
        """Start N containers of W over K root filesystems, wait until ready,
        measure (READING(pids): run's memory figures), delete them all."""
        self.prepare(k)
        self.clear_markers()
        self.seq += 1
        ids = ["density-%d-%d-%d" % (os.getpid(), self.seq, j) for j in range(1, n + 1)]
        bundles = [self.dir / "images" / ("img%d" % (1 + (j - 1) % k)) / ("bundle-" + w) for j in range(1, n + 1)]
        self.subreaper(True)
        t0 = time.time()
        try:
            errors = []

            def one(a):
                try:
                    return self.start(*a)
                except (RuntimeError, subprocess.TimeoutExpired) as e:
                    errors.append(str(e))
                    return None
            # Eight at a time, in batches: between batches the helper
            # processes crun leaves orphaned (we are the subreaper) are
            # reaped, so zombies do not pile up and count as containers' memory.
            inits = []
            with concurrent.futures.ThreadPoolExecutor(min(8, n)) as ex:
                for b in range(0, n, 64):
                    inits += list(ex.map(one, zip(ids[b:b + 64], bundles[b:b + 64])))
                    self.reap_orphans()
            ok = not errors and all(inits)
            end = time.time() + 30 + 0.1 * n
            while ok and time.time() < end:
                if sum(len(list(d.glob("ready-*"))) for d in self.markers()) >= n:
                    break
                time.sleep(0.05)
            else:
                ok = False
            start_s = time.time() - t0
            time.sleep(settle)
            # The containers' processes, and any crun process left running
            # (a monitor; crun normally leaves none: then the count is N).
            leftover = [int(p) for p in os.listdir("/proc") if p.isdigit() and self.comm(int(p)) == "crun"
                        and self.state_of(int(p)) != "Z"]
            pids = self.container_pids([p for p in inits if p]) + leftover
            mem = reading(pids)
            alive = sum(os.path.exists("/proc/%d" % p) for p in inits if p)
            if errors:
                with open(self.dir / "errors.log", "a") as f:
                    f.write("\n".join(errors) + "\n")
            return {"ok": ok and alive == n, **mem, "processes": len(pids), "start_s": round(start_s, 3)}
        finally:
            self.delete(ids)
            self.subreaper(False)

    @staticmethod
    def comm(pid):
        try:
            with open("/proc/%d/comm" % pid) as f:
                return f.read().strip()
        except OSError:
            return None

    @staticmethod
    def state_of(pid):
        try:
            with open("/proc/%d/stat" % pid) as f:
                return f.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return None

    @staticmethod
    def container_pids(inits):
        """Every process in the PID namespaces of the containers' init processes."""
        want = set()
        for p in inits:
            try:
                want.add(os.readlink("/proc/%d/ns/pid" % p))
            except OSError:
                pass
        pids = []
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    if os.readlink("/proc/%s/ns/pid" % d) in want:
                        pids.append(int(d))
                except OSError:
                    pass
        return pids

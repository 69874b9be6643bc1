"""A private Docker Engine for the orchestrator tests, built offline from Debian's packages.

``start_private_dockerd()`` does what ``shared/ENGINES.md`` shows: ``apt-get download``
docker.io, containerd, tini and runc (and busybox-static, for the lab image) into a cache
(``~/.cache/rangex-test-dockerd``, or ``RANGEX_TEST_DOCKERD_CACHE``), unpacks them with
``dpkg-deb -x`` once, starts ``dockerd`` on a socket in a fresh ``/tmp/rangex-dockerd-*``
folder, waits for ``_ping`` and imports ``localhost/labbase:latest`` (busybox on an empty
rootfs) offline. ``PrivateDockerd.stop()`` removes every container, stops dockerd by its
pid file (its containerd goes with it; both are killed if they linger) and removes the
folder. Two flags beyond ENGINES.md keep the host as it was: ``--bridge=none`` (no
docker0 left behind) and ``--ip-forward=false``. ``shut_down()`` and ``start()`` (or
``restart()``) stop dockerd as a service manager would and start it again on the same data
root; ``start_private_dockerd(live_restore=True)`` adds ``--live-restore``.

Safety nets against a leaked engine: dockerd gets SIGTERM when the test process dies
(PR_SET_PDEATHSIG), and every start first stops the engines of earlier test processes
that are gone (their folder names the owner's pid).
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import http.client
import io
import ipaddress
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rangex_graphql.orchestrator._common import local_routes

PACKAGES = ("docker.io", "containerd", "tini", "runc", "busybox-static")
IMAGE_REPO = "localhost/labbase"
IMAGE = f"{IMAGE_REPO}:latest"
INDEX_HTML = b"rangex labbase\n"
RUN_PREFIX = "rangex-dockerd-"


class DockerdUnavailable(Exception):
    """The private engine could not be set up; the message says why."""


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "rangex-test-dockerd"
    return Path(os.environ.get("RANGEX_TEST_DOCKERD_CACHE", default))


# -- the engine's files ---------------------------------------------------------------


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(cmd: list[str], cwd: Path | None = None, timeout: float = 300) -> str | None:
    """None when ``cmd`` succeeded, else its output's tail."""
    try:
        done = subprocess.run(
            cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{cmd[0]}: {exc}"
    if done.returncode == 0:
        return None
    return f"{' '.join(cmd)} exited {done.returncode}: {(done.stderr or done.stdout)[-800:]}"


def prepare_engine(cache: Path) -> Path:
    """The unpacked packages' root (``usr/sbin/dockerd`` ...), downloading them if needed."""
    root = cache / "root"
    marker = root / ".complete"
    with _locked(cache / ".lock"):
        if marker.exists():
            return root
        if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
            raise DockerdUnavailable("apt-get and dpkg-deb are needed to fetch Docker's packages")
        debs = cache / "debs"
        debs.mkdir(parents=True, exist_ok=True)
        for old in debs.glob("*.deb"):
            old.unlink()
        problem = _run(["apt-get", "download", *PACKAGES], cwd=debs)
        if problem:
            if _run(["apt-get", "update"], timeout=300) is None:
                problem = _run(["apt-get", "download", *PACKAGES], cwd=debs)
            if problem:
                raise DockerdUnavailable(f"cannot download Docker's packages: {problem}")
        staging = cache / f"root.{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        for deb in sorted(debs.glob("*.deb")):
            problem = _run(["dpkg-deb", "-x", str(deb), str(staging)])
            if problem:
                shutil.rmtree(staging, ignore_errors=True)
                raise DockerdUnavailable(problem)
        shutil.rmtree(root, ignore_errors=True)
        staging.rename(root)
        marker.write_text(" ".join(PACKAGES) + "\n")
        return root


def labbase_tar(cache: Path, root: Path) -> Path:
    """A rootfs tar: static busybox, its applets as links, and /www/index.html."""
    tar_path = cache / "labbase.tar"
    with _locked(cache / ".lock"):
        if tar_path.exists():
            return tar_path
        busybox = root / "bin" / "busybox"
        if not busybox.exists():
            raise DockerdUnavailable(f"{busybox} missing from busybox-static")
        applets = subprocess.run(
            [str(busybox), "--list"], capture_output=True, text=True, check=True
        ).stdout.split()
        staging = tar_path.with_suffix(f".{os.getpid()}")
        with tarfile.open(staging, "w") as tar:
            for folder in ("bin", "etc", "www", "tmp", "proc", "sys", "dev"):
                info = tarfile.TarInfo(folder)
                info.type, info.mode = tarfile.DIRTYPE, 0o1777 if folder == "tmp" else 0o755
                tar.addfile(info)
            tar.add(busybox, arcname="bin/busybox")
            for applet in applets:
                if applet != "busybox":
                    link = tarfile.TarInfo(f"bin/{applet}")
                    link.type, link.linkname = tarfile.SYMTYPE, "busybox"
                    tar.addfile(link)
            page = tarfile.TarInfo("www/index.html")
            page.size, page.mode = len(INDEX_HTML), 0o644
            tar.addfile(page, io.BytesIO(INDEX_HTML))
        staging.rename(tar_path)
        return tar_path


# -- talking to the engine without the code under test ---------------------------------


class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


def api(
    sock: Path,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, bytes]:
    conn = _UnixHTTPConnection(str(sock), timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# -- the engine process ---------------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    """True while the process runs (a zombie, waiting for its parent to reap it, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


_LIBC = ctypes.CDLL(None, use_errno=True)


def _die_with_parent() -> None:
    # PR_SET_PDEATHSIG = 1: SIGTERM to dockerd when the test process goes away.
    _LIBC.prctl(1, signal.SIGTERM, 0, 0, 0)


@dataclass
class PrivateDockerd:
    run_dir: Path
    process: subprocess.Popen[bytes] | None = None
    #: Where this engine's session networks come from: a /16 of 172.16.0.0/12 no other
    #: engine on the host routes, so test runs side by side do not share subnets.
    subnet_pool: str = "172.16.0.0/12"
    #: How dockerd is started (again, by :meth:`start`, on the same data root).
    command: list[str] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def socket(self) -> Path:
        return self.run_dir / "docker.sock"

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    @property
    def log_path(self) -> Path:
        return self.run_dir / "dockerd.log"

    def log_tail(self, size: int = 2000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-size:]
        except OSError:
            return ""

    def ping(self) -> bool:
        try:
            status, body = api(self.socket, "GET", "/_ping", timeout=2)
        except OSError:
            return False
        return status == 200 and body == b"OK"

    def start(self, startup_timeout: float = 30) -> None:
        """Start dockerd (again, after :meth:`shut_down`) and wait until it answers."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.environment,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        deadline = time.monotonic() + startup_timeout
        while not self.ping():
            if self.process.poll() is not None:
                raise DockerdUnavailable(f"dockerd exited: {self.log_tail()}")
            if time.monotonic() > deadline:
                raise DockerdUnavailable(f"dockerd not ready in {startup_timeout}s")
            time.sleep(0.05)

    def shut_down(self, timeout: float = 60) -> None:
        """Stop dockerd as its service manager would (SIGTERM), keeping its data root.

        Without ``--live-restore`` it stops every container first; with it they run on.
        """
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=timeout)
        self.process = None

    def restart(self) -> None:
        self.shut_down()
        self.start()

    def stop(self) -> None:
        """Remove all containers, stop dockerd (and containerd), remove the folder."""
        if self.ping():
            with contextlib.suppress(OSError, ValueError, KeyError):
                status, body = api(self.socket, "GET", "/containers/json?all=1", timeout=10)
                for container in json.loads(body) if status == 200 else []:
                    api(self.socket, "DELETE", f"/containers/{container['Id']}?force=1&v=1")
        pids = [
            pid
            for pid in (
                _read_pid(self.run_dir / "docker.pid"),
                self.process.pid if self.process else None,
            )
            if pid
        ]
        containerd = _read_pid(self.run_dir / "exec" / "containerd" / "containerd.pid")
        for pid in set(pids):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_pid_alive(p) for p in pids):
            if self.process is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=0.1)
            else:
                time.sleep(0.1)
        # Whatever still runs from this engine's folder (dockerd, containerd, shims): kill.
        leftovers = (
            set(pids) | ({containerd} if containerd else set()) | _processes_under(self.run_dir)
        )
        for pid in leftovers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if self.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
        _unmount_under(self.run_dir)
        shutil.rmtree(self.run_dir, ignore_errors=True)


def _processes_under(folder: Path) -> set[int]:
    """Processes whose command line names ``folder`` (this engine's own processes)."""
    needle = f"{folder}/".encode()
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            if needle in (entry / "cmdline").read_bytes():
                found.add(int(entry.name))
    return found


def _unmount_under(folder: Path) -> None:
    prefix = str(folder) + "/"
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return
    points = [line.split()[4] for line in lines if len(line.split()) > 4]
    for point in sorted((p for p in points if p.startswith(prefix)), key=len, reverse=True):
        subprocess.run(["umount", "-l", point], capture_output=True, check=False)


def _free_slash16() -> str:
    """A random /16 of 172.16.0.0/12 that this host routes nothing into."""
    routed = local_routes()
    candidates = [
        net
        for net in ipaddress.IPv4Network("172.16.0.0/12").subnets(new_prefix=16)
        if not any(net.overlaps(r) for r in routed)
    ]
    return str(random.choice(candidates or [ipaddress.IPv4Network("172.16.0.0/16")]))


def reap_stale_engines(tmp: Path) -> None:
    """Stop the engines earlier test processes left behind (their owner is gone)."""
    for run_dir in tmp.glob(f"{RUN_PREFIX}*"):
        owner = _read_pid(run_dir / "owner")
        if owner is None or _pid_alive(owner):
            continue
        PrivateDockerd(run_dir).stop()


def start_private_dockerd(
    startup_timeout: float = 30, *, live_restore: bool = False
) -> PrivateDockerd:
    """A running private dockerd with ``localhost/labbase:latest``; DockerdUnavailable if not.

    ``live_restore``: its containers keep running while dockerd is stopped or restarted.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        raise DockerdUnavailable("a private dockerd needs root")
    cache = cache_dir()
    root = prepare_engine(cache)
    tar_path = labbase_tar(cache, root)
    tmp = Path(tempfile.gettempdir())
    reap_stale_engines(tmp)
    run_dir = Path(tempfile.mkdtemp(prefix=RUN_PREFIX, dir=tmp))
    (run_dir / "owner").write_text(str(os.getpid()))
    engine = PrivateDockerd(run_dir, subnet_pool=_free_slash16())
    env = {
        **os.environ,
        "PATH": f"{root}/usr/bin:{root}/usr/sbin:{os.environ.get('PATH', '/usr/bin:/bin')}",
    }
    cmd = [
        str(root / "usr" / "sbin" / "dockerd"),
        *("-H", engine.url),
        *("--data-root", str(run_dir / "data")),
        *("--exec-root", str(run_dir / "exec")),
        *("--pidfile", str(run_dir / "docker.pid")),
        *("--storage-driver", "overlay2"),
        "--iptables=false",
        "--ip-forward=false",
        "--bridge=none",
        *("--default-ulimit", "nofile=20000:20000"),
        *("--default-ulimit", "nproc=20000:20000"),
        *(["--live-restore"] if live_restore else []),
    ]
    engine.command, engine.environment = cmd, env
    try:
        engine.start(startup_timeout)
        status, body = api(
            engine.socket,
            "POST",
            f"/images/create?fromSrc=-&repo={IMAGE_REPO}&tag=latest",
            body=tar_path.read_bytes(),
            headers={"Content-Type": "application/x-tar"},
            timeout=60,
        )
        if status != 200 or b'"error' in body:
            raise DockerdUnavailable(f"importing {IMAGE} failed: {status} {body[-500:]!r}")
    except BaseException:
        engine.stop()
        raise
    return engine

"""The two servers under test, each a uvicorn subprocess on a free loopback port.

Every process is started in its own session and stopped (SIGTERM, then SIGKILL) by its
process group id when its context exits, whatever the reason.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
READY_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 300


@dataclass(frozen=True, slots=True)
class Server:
    name: str
    port: int
    pid: int
    log_path: Path

    def cpu_seconds(self) -> float:
        """User + system CPU time the server process has used so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def uvicorn_command(app: str, port: int, app_dir: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "uvicorn", app, "--factory"]
    command += ["--host", HOST, "--port", str(port), "--workers", "1"]
    command += ["--log-level", "warning", "--no-access-log"]
    # A load session's connections idle while the other server is loaded (ABBA rounds).
    command += ["--timeout-keep-alive", str(KEEP_ALIVE_SECONDS)]
    if app_dir is not None:
        command += ["--app-dir", str(app_dir)]
    return command


def _health_status(port: int) -> int | None:
    try:
        with socket.create_connection((HOST, port), timeout=1.0) as connection:
            connection.sendall(b"GET /health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            status_line = connection.recv(64).split(b"\r\n", 1)[0]
    except OSError:
        return None
    parts = status_line.split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT_SECONDS), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sig)  # the group is the server's own session
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def running_server(
    name: str, command: list[str], env: dict[str, str], log_path: Path
) -> Iterator[Server]:
    """Start ``command``, wait until ``GET /health`` answers 200, stop it on exit."""
    port = int(command[command.index("--port") + 1])
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO_DIR,
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + READY_TIMEOUT_SECONDS
            while _health_status(port) != 200:
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}; see {log_path}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} not ready in {READY_TIMEOUT_SECONDS} s")
                time.sleep(0.1)
            yield Server(name=name, port=port, pid=process.pid, log_path=log_path)
        finally:
            _stop(process)

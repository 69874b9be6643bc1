"""Optional sampling profile of the API server while it is loaded (``--profile``).

Runs ``py-spy record`` (``.venv/bin/pip install py-spy``; not a project dependency) on the
server process and reads its collapsed stacks back: the functions where the server spent
its own time, and the packages they belong to. Idle samples are not recorded.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SAMPLES_PER_SECOND = 200
_FRAME = re.compile(r"(?P<function>.*) \((?P<path>.*?):\d+\)$")


def py_spy() -> str:
    found = shutil.which("py-spy") or shutil.which("py-spy", path=str(Path(sys.executable).parent))
    if found is None:
        raise RuntimeError("--profile needs py-spy: .venv/bin/pip install py-spy")
    return found


@contextmanager
def sampling(pid: int, seconds: float, output: Path) -> Iterator[None]:
    """Sample ``pid`` for ``seconds`` (or until the block ends) into ``output``."""
    output.parent.mkdir(parents=True, exist_ok=True)
    command = [py_spy(), "record", "--pid", str(pid), "--duration", str(max(1, round(seconds)))]
    command += ["--rate", str(SAMPLES_PER_SECOND), "--format", "raw", "--output", str(output)]
    command += ["--nonblocking"]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        yield
    finally:
        try:
            process.wait(timeout=seconds + 15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _short(frame: str) -> tuple[str, str]:
    """(function with its module path, top-level package) of a py-spy frame."""
    match = _FRAME.match(frame)
    if match is None:
        return frame or "<native>", frame or "<native>"
    path = match["path"]
    for marker in ("site-packages/", "python3.11/", "/rangex_graphql/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            if marker == "/rangex_graphql/":
                path = "rangex_graphql/" + path
            break
    return f"{match['function']} ({path})", path.split("/", 1)[0]


def summarize(output: Path, top: int = 12) -> list[str]:
    """The ``top`` functions by own time and the packages by own time, as report lines."""
    functions: Counter[str] = Counter()
    packages: Counter[str] = Counter()
    total = 0
    for line in output.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        samples = int(count)
        function, package = _short(stack.rsplit(";", 1)[-1])
        functions[function] += samples
        packages[package] += samples
        total += samples
    if not total:
        return ["no samples"]
    lines = [
        f"{total} samples; own time by package: "
        + ", ".join(f"{name} {100 * n / total:.0f}%" for name, n in packages.most_common(8))
    ]
    lines += [f"{100 * n / total:5.1f}%  {name}" for name, n in functions.most_common(top)]
    return lines

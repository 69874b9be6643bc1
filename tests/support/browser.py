"""Headless Chromium driven over the Chrome DevTools Protocol, for the GraphiQL page.

The system's Chromium (Debian's ``chromium`` package; ``.ci/run`` installs it) runs with
a fresh profile and none of its own network traffic, and announces its DevTools port in
the profile's ``DevToolsActivePort`` file. ``Page`` speaks to one tab over a WebSocket:
it evaluates JavaScript and keeps every console and log entry the tab produced, so a test
can tell a page that works from one the Content-Security-Policy broke.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

STARTUP_SECONDS = 20.0
CALL_SECONDS = 10.0
FLAGS = (
    "--headless",
    "--no-sandbox",  # the tests run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # the machine's network is closed
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1280,900",
)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Page:
    def __init__(self, socket: ClientConnection) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self._answers: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.console: list[str] = []
        self._reader = asyncio.get_running_loop().create_task(self._read())

    async def _read(self) -> None:
        async for raw in self._socket:
            message = json.loads(raw)
            if "id" in message:
                answer = self._answers.pop(message["id"], None)
                if answer is not None and not answer.done():
                    answer.set_result(message)
            elif message.get("method") == "Log.entryAdded":
                entry = message["params"]["entry"]
                self.console.append(f"{entry.get('level')}: {entry.get('text')}")
            elif message.get("method") == "Runtime.consoleAPICalled":
                params = message["params"]
                texts = [str(a.get("value", a.get("description", ""))) for a in params["args"]]
                self.console.append(f"{params['type']}: {' '.join(texts)}")
            elif message.get("method") == "Runtime.exceptionThrown":
                details = message["params"]["exceptionDetails"]
                self.console.append(f"exception: {details.get('text')}")

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        id = next(self._ids)
        answer: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._answers[id] = answer
        await self._socket.send(json.dumps({"id": id, "method": method, "params": params}))
        message = await asyncio.wait_for(answer, CALL_SECONDS)
        if "error" in message:
            raise AssertionError(f"{method}: {message['error']}")
        result: dict[str, Any] = message["result"]
        return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def wait_for(self, expression: str, seconds: float = 15.0) -> Any:
        """Evaluate ``expression`` until it is truthy; its value."""
        deadline = asyncio.get_running_loop().time() + seconds
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"still falsy after {seconds} s: {expression}")
            await asyncio.sleep(0.1)

    async def close(self) -> None:
        self._reader.cancel()
        await asyncio.gather(self._reader, return_exceptions=True)


@asynccontextmanager
async def open_page(chromium: str, url: str) -> AsyncIterator[Page]:
    """A new headless Chromium showing ``url``, its console recorded from the start."""
    # Chromium's helper processes may still write to the profile as they wind down.
    with tempfile.TemporaryDirectory(
        prefix="rangex-chromium-", ignore_cleanup_errors=True
    ) as profile:
        process = await asyncio.create_subprocess_exec(
            chromium,
            *FLAGS,
            f"--user-data-dir={profile}",
            "about:blank",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helpers share the group: stopped together
        )
        try:
            port = await _devtools_port(Path(profile), process)
            async with httpx.AsyncClient() as http:
                targets = (await http.get(f"http://127.0.0.1:{port}/json/list")).json()
            tab = next(t for t in targets if t["type"] == "page")
            async with connect(tab["webSocketDebuggerUrl"], max_size=None) as socket:
                page = Page(socket)
                try:
                    await page.call("Runtime.enable")
                    await page.call("Log.enable")
                    await page.call("Page.enable")
                    await page.call("Page.navigate", url=url)
                    yield page
                finally:
                    await page.close()
        finally:
            await _stop(process)


async def _stop(process: asyncio.subprocess.Process) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), 10)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        await process.wait()


async def _devtools_port(profile: Path, process: asyncio.subprocess.Process) -> int:
    announced = profile / "DevToolsActivePort"
    deadline = asyncio.get_running_loop().time() + STARTUP_SECONDS
    while asyncio.get_running_loop().time() < deadline:
        if process.returncode is not None:
            raise AssertionError(f"Chromium exited with {process.returncode}")
        if announced.exists():
            first_line = announced.read_text().split("\n", 1)[0].strip()
            if first_line.isdigit():
                return int(first_line)
        await asyncio.sleep(0.05)
    raise AssertionError(f"Chromium announced no DevTools port in {STARTUP_SECONDS} s")

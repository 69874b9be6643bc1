"""Subscription fan-out: 1,000 subscribers on one server worker, 100 session updates.

For each mode (shared execution on, then off) the script seeds a fresh SQLite database,
starts ``rangex-graphql serve`` (one worker, Redis broker), connects the subscribers over
graphql-transport-ws (admins watching one session with the same document), measures the
server's RSS before and after they connect, then changes the session's score 100 times
(one UPDATE, one broker message each) at a fixed pace and times every delivery from
the publish to the subscriber's receipt.

    .venv/bin/python benchmarks/subscriptions.py                 # 1000 subscribers
    .venv/bin/python benchmarks/subscriptions.py --subscribers 200 --updates 20

Needs Redis (``--redis-url``, default redis://127.0.0.1:6379/15): the updates are
published from this process, as another replica would. Clients and publisher share this
process; on a small machine they compete with the server for CPU, which the figures
include.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise
from websockets.asyncio.client import ClientConnection, connect

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.broker.protocol import topic_for_session
from rangex_graphql.broker.redis import RedisBroker
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.db.migrate import apply_migrations
from rangex_graphql.models import EnvironmentSession, Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import (
    Difficulty,
    ResourceProfile,
    SessionState,
    UserRole,
    VersionStatus,
)
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import Settings

HOST = "127.0.0.1"
SECRET = "subscription-benchmark-secret-key-" * 2
ADMINS = 50
DOCUMENT = (
    "subscription W($id: ID!) { sessionUpdated(id: $id) "
    "{ id state score costRm expiresAt machines { state address } } }"
)
SCORE = re.compile(r'"score":(\d+)')


@dataclass
class Seeded:
    session_id: str
    tokens: list[str]


async def seed(settings: Settings) -> Seeded:
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        admins = [
            await User.create(
                email=f"admin{n}@bench.test",
                username=f"admin{n}",
                display_name=f"Admin {n}",
                role=UserRole.ADMIN,
            )
            for n in range(ADMINS)
        ]
        scenario = await Scenario.create(
            slug="bench",
            title="Bench",
            author=admins[0],
            description="",
            difficulty=Difficulty.BEGINNER,
            category="web",
        )
        version = await ScenarioVersion.create(
            scenario=scenario, number=1, status=VersionStatus.PUBLISHED
        )
        now = datetime.now(UTC)
        session = await EnvironmentSession.create(
            user=admins[0],
            version=version,
            state=SessionState.RUNNING,
            resource_profile=ResourceProfile.SMALL,
            started_at=now,
            expires_at=now + timedelta(hours=2),
        )
        tokens = [issue_access_token(settings, admin.id)[0] for admin in admins]
        return Seeded(str(session.id), tokens)
    finally:
        await Tortoise.close_connections()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(
    env: dict[str, str], port: int, log: Path, ws: str | None, deflate: bool
) -> Iterator[int]:
    """``rangex-graphql serve`` with one worker, or uvicorn itself (its WebSocket
    implementation ``ws``); yields the pid serving requests. ``deflate``: accept
    permessage-deflate (``RANGEX_WS_COMPRESSION``; off by default)."""
    env = {**env, "RANGEX_WS_COMPRESSION": str(deflate).lower()}
    if ws is None:
        command = [str(Path(sys.executable).with_name("rangex-graphql")), "serve"]
        command += ["--port", str(port), "--workers", "1"]
    else:
        command = [sys.executable, "-m", "uvicorn", "rangex_graphql.app:create_app"]
        command += ["--factory", "--host", HOST, "--port", str(port), "--ws", ws]
        command += ["--log-level", "warning", "--ws-per-message-deflate", str(deflate).lower()]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://{HOST}:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text()}")
            time.sleep(0.1)
        yield process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Subscriber:
    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.frames: list[tuple[float, int]] = []  # (monotonic receipt time, score)
        self.missed = 0

    async def listen(self, last: int, finished: list[int], done: asyncio.Event) -> None:
        """Record receipts until the connection closes; count in ``finished`` who got
        the ``last`` update (a slow subscriber may miss others, never the latest)."""
        async for raw in self.socket:
            assert isinstance(raw, str)
            found = SCORE.search(raw)
            if found is None:
                if '"ping"' in raw:
                    await self.socket.send('{"type":"pong"}')
                continue
            score = int(found.group(1))
            self.frames.append((time.monotonic(), score))
            if '"missed"' in raw:
                self.missed += int(json.loads(raw)["payload"]["extensions"]["missed"])
            if score == last:  # (the newest state is never dropped)
                finished[0] -= 1
                if finished[0] == 0:
                    done.set()


async def open_subscriber(url: str, token: str, gid: str) -> Subscriber:
    socket = await connect(url, subprotocols=["graphql-transport-ws"], max_queue=None)  # type: ignore[list-item]
    await socket.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    payload = {"query": DOCUMENT, "variables": {"id": gid}}
    await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
    first = json.loads(await socket.recv())
    assert first["type"] == "next", first
    return Subscriber(socket)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def run_mode(args: argparse.Namespace, shared: bool) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="rangex-subs-"))
    database = workdir / "bench.sqlite3"
    env = {
        **os.environ,
        "RANGEX_DATABASE_URL": f"sqlite://{database}",
        "RANGEX_REDIS_URL": args.redis_url,
        "RANGEX_SECRET_KEY": SECRET,
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_JOBS_ENABLED": "false",
        "RANGEX_GRAPHIQL": "false",
        "RANGEX_LOG_LEVEL": "warning",
        "RANGEX_SUBSCRIPTION_SHARED_EXECUTION": "true" if shared else "false",
        # 1,000 sockets for 50 admins: 20 a user, above the default per-user cap.
        "RANGEX_WS_MAX_CONNECTIONS_PER_USER": "1000",
        "RANGEX_SUBSCRIPTION_QUEUE_SIZE": str(args.queue_size),
    }
    settings = Settings(database_url=env["RANGEX_DATABASE_URL"], secret_key=SECRET)
    seeded = await seed(settings)
    gid = to_global_id("EnvironmentSession", seeded.session_id)
    port = free_port()
    url = f"ws://{HOST}:{port}/graphql"
    broker = RedisBroker(args.redis_url)
    db = sqlite3.connect(database, isolation_level=None)
    with server(env, port, workdir / "server.log", args.ws, args.deflate) as pid:
        # Warm up: one subscriber in and out, so the first-use costs are not counted.
        warm = await open_subscriber(url, seeded.tokens[0], gid)
        await warm.socket.close()
        await asyncio.sleep(0.5)
        rss_before = rss_kib(pid)
        subscribers: list[Subscriber] = []
        for start in range(0, args.subscribers, 50):
            batch = range(start, min(start + 50, args.subscribers))
            subscribers += await asyncio.gather(
                *(open_subscriber(url, seeded.tokens[i % len(seeded.tokens)], gid) for i in batch)
            )
        await asyncio.sleep(1.0)
        rss_after = rss_kib(pid)

        finished = [len(subscribers)]
        done = asyncio.Event()
        listeners = [
            asyncio.create_task(s.listen(args.updates, finished, done)) for s in subscribers
        ]
        published: dict[int, float] = {}
        client_cpu = time.process_time()
        server_cpu = cpu_seconds(pid)
        began = time.monotonic()
        for score in range(1, args.updates + 1):
            db.execute(
                "UPDATE environment_session SET score = ? WHERE id = ?",
                (score, seeded.session_id),
            )
            published[score] = time.monotonic()
            await broker.publish(
                topic_for_session(seeded.session_id),
                {"type": "session", "sessionId": seeded.session_id, "action": "cost"},
            )
            await asyncio.sleep(args.interval)
        with suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), args.drain_timeout)
        client_cpu = time.process_time() - client_cpu
        server_cpu = cpu_seconds(pid) - server_cpu
        ended = max((s.frames[-1][0] for s in subscribers if s.frames), default=began)
        for task in listeners:
            task.cancel()
        await asyncio.gather(*listeners, return_exceptions=True)
        for subscriber in subscribers:
            await subscriber.socket.close()
    await broker.aclose()
    db.close()

    # An update reached a subscriber with the first frame showing its score or a later one
    # (an execution reads the row as it is then: a burst can skip a state, never go back).
    latencies: list[float] = []
    for subscriber in subscribers:
        frames = iter(subscriber.frames)
        frame = next(frames, None)
        for score in range(1, args.updates + 1):
            while frame is not None and frame[1] < score:
                frame = next(frames, None)
            if frame is not None:
                latencies.append((frame[0] - published[score]) * 1000)
    deliveries = sum(len(s.frames) for s in subscribers)
    expected_total = args.updates * len(subscribers)
    return {
        "mode": "shared" if shared else "per subscriber",
        "subscribers": len(subscribers),
        "updates": args.updates,
        "deliveries": deliveries,
        "expected": expected_total,
        "reached": len(latencies),
        "missed": sum(s.missed for s in subscribers),
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "max_ms": max(latencies, default=float("nan")),
        "deliveries_per_s": deliveries / (ended - began) if ended > began else 0.0,
        "rss_per_idle_subscriber_kib": (rss_after - rss_before) / max(1, len(subscribers)),
        "server_cpu_s": server_cpu,
        "capacity_per_s": deliveries / server_cpu if server_cpu else 0.0,
        "client_cpu_s": client_cpu,
        "phase_s": ended - began,
    }


def table(rows: list[dict[str, Any]]) -> str:
    header = (
        "| execution | subscribers | updates | updates seen | missed | p50 ms | p99 ms | max ms "
        "| deliveries/s | deliveries per server CPU second | RSS per idle subscriber |"
    )
    lines = [header, "|" + "---|" * 11]
    for r in rows:
        lines.append(
            f"| {r['mode']} | {r['subscribers']} | {r['updates']} | "
            f"{r['reached']}/{r['expected']} | {r['missed']} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['max_ms']:.1f} | {r['deliveries_per_s']:,.0f} | "
            f"{r['capacity_per_s']:,.0f} | {r['rss_per_idle_subscriber_kib']:.1f} KiB |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=100)
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between updates")
    parser.add_argument("--queue-size", type=int, default=32, help="per-subscriber queue")
    parser.add_argument("--drain-timeout", type=float, default=60.0)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument(
        "--ws",
        default=None,
        help="run uvicorn directly with this WebSocket implementation "
        "(websockets, websockets-sansio); default: `rangex-graphql serve`",
    )
    parser.add_argument(
        "--deflate",
        action="store_true",
        help="accept permessage-deflate (RANGEX_WS_COMPRESSION=true): 50 KiB of zlib state "
        "per connection when the client offers it, as browsers do",
    )
    parser.add_argument("--only", choices=("shared", "per-subscriber"), default=None)
    return parser.parse_args(argv)


async def main_async(args: argparse.Namespace) -> list[dict[str, Any]]:
    modes = {"shared": [True], "per-subscriber": [False], None: [True, False]}[args.only]
    return [await run_mode(args, shared) for shared in modes]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rows = asyncio.run(main_async(args))
    print(table(rows))
    print(json.dumps(rows, indent=2))
    shared = next((r for r in rows if r["mode"] == "shared"), None)
    met = shared is None or (
        shared["p99_ms"] <= 100 and shared["rss_per_idle_subscriber_kib"] <= 50
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Two `rangex-graphql serve` processes on one database and one Redis: a change made
through replica B reaches a subscriber connected to replica A, and A's subscriptions
survive Redis dropping their connection, reporting what went past meanwhile."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from rangex_graphql.broker.redis import RedisBroker
from rangex_graphql.services.sessions.events import publish_to_session_topics
from tests.api.subscriptions.client import Client

SECRET = "replica-test-secret-key-" * 3
REVIEW = """
mutation Approve($id: ID!) {
  versionReview(input: {versionId: $id, decision: APPROVE}) { errors { code } }
}
"""
WATCH = "subscription W($id: ID!) { sessionUpdated(id: $id) { id state } }"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def session_event(seed: dict[str, str], state: str) -> dict[str, Any]:
    return {
        "type": "session",
        "sessionId": seed["session_id"],
        "userId": seed["author_id"],
        "state": state,
        "previousState": None,
        "action": "pause",
        "at": datetime.now(UTC).isoformat(),
        "reason": None,
    }


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> dict[str, str]:
    database = tmp_path_factory.mktemp("replicas") / "replicas.sqlite3"
    return {
        **os.environ,
        "RANGEX_DATABASE_URL": f"sqlite://{database}",
        "RANGEX_REDIS_URL": redis_url,
        # After losing Redis a replica waits a second before it reconnects: the messages the
        # gap test publishes meanwhile are then surely missed, however slow the machine.
        "RANGEX_BROKER_RECONNECT_SECONDS": "[1.0]",
        "RANGEX_SECRET_KEY": SECRET,
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_JOBS_ENABLED": "false",
        "RANGEX_GRAPHIQL": "false",
        "RANGEX_LOG_LEVEL": "warning",
        # Redis keeps the per-address registration count across runs (the servers share
        # 127.0.0.1): registrations these servers refuse must be refused for their own reason.
        "RANGEX_REGISTER_IP_MAX": "10000",
    }


@pytest.fixture(scope="module")
def seed(environment: dict[str, str], repo_root: Path) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.api.subscriptions.replica_seed"],
        env=environment,
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def replicas(environment: dict[str, str], seed: dict[str, str]) -> Iterator[tuple[str, str]]:
    executable = Path(sys.executable).with_name("rangex-graphql")
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [str(executable), "serve", "--port", str(port)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            for _ in range(300):
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert process.poll() is None, process.stderr and process.stderr.read()
                time.sleep(0.05)
        yield f"127.0.0.1:{ports[0]}", f"127.0.0.1:{ports[1]}"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)
            if process.stderr is not None:
                process.stderr.close()


@pytest.fixture
async def outside_broker(redis_url: str) -> AsyncIterator[RedisBroker]:
    """A third process's view of the broker (the servers' channel names)."""
    broker = RedisBroker(redis_url)
    yield broker
    await broker.aclose()


async def test_a_change_through_b_reaches_a_subscriber_on_a(
    replicas: tuple[str, str], seed: dict[str, str], outside_broker: RedisBroker
) -> None:
    a, b = replicas
    async with Client.open(f"ws://{a}/graphql", seed["author_token"]) as client:
        await client.subscribe("n", "subscription { notifications { kind title } }")
        await client.subscribe("s", WATCH, {"id": seed["session_gid"]})
        # The current state first: from here on both subscriptions listen at Redis.
        assert (await client.receive())["payload"]["data"]["sessionUpdated"]["state"] == "RUNNING"

        async with httpx.AsyncClient(base_url=f"http://{b}") as http:
            reviewed = await http.post(
                "/graphql",
                json={"query": REVIEW, "variables": {"id": seed["version_id"]}},
                headers={"authorization": f"Bearer {seed['admin_token']}"},
            )
        assert reviewed.json()["data"] == {"versionReview": {"errors": []}}
        notified = await client.receive()
        assert notified["id"] == "n"
        assert notified["payload"]["data"]["notifications"]["kind"] == "version.approved"

        await publish_to_session_topics(outside_broker, session_event(seed, "PAUSED"))
        changed = await client.receive()
        assert changed["id"] == "s"
        assert "extensions" not in changed["payload"]


async def test_subscriptions_survive_redis_dropping_them_and_report_the_gap(
    replicas: tuple[str, str], seed: dict[str, str], outside_broker: RedisBroker, redis_url: str
) -> None:
    a, _ = replicas
    async with Client.open(f"ws://{a}/graphql", seed["author_token"]) as client:
        await client.subscribe("s", WATCH, {"id": seed["session_gid"]})
        await client.receive()
        admin = aioredis.Redis.from_url(redis_url)
        try:
            assert await admin.client_kill_filter(_type="pubsub") >= 1
        finally:
            await admin.aclose()
        # Published while A reconnects: A learns of them when it is back.
        for _ in range(2):
            await publish_to_session_topics(outside_broker, session_event(seed, "RUNNING"))
        resynced = await client.receive()
        assert resynced["id"] == "s"
        # The current value again, and how much went past: unknown after a lost connection.
        assert resynced["payload"]["data"]["sessionUpdated"]["state"] == "RUNNING"
        assert resynced["payload"]["extensions"] == {"missed": None}
        await asyncio.sleep(0.1)
        await publish_to_session_topics(outside_broker, session_event(seed, "RUNNING"))
        resumed = await client.receive()
        assert resumed["id"] == "s"
        assert "extensions" not in resumed["payload"]

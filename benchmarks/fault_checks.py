"""After a fault: the session rows against what the engine holds, read directly (the
database without the proxy, the engine without the server's driver).

- **inconsistent**: a RUNNING session whose machines are not all running in the engine,
  or a PAUSED one whose machines are not all paused (sessions in REQUESTED, PROVISIONING
  or TERMINATING are work under way, counted as ``transient`` instead);
- **orphans**: engine resources (machines, and Docker networks) whose session has no row
  or has ended;
- **answers**: per session, the score the client knows it earned (right answers acknowledged,
  or ALREADY_ANSWERED on a retry) against the session's score and its answer rows.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlparse

import asyncmy
from fault_world import FINAL_STATES, TRANSIENT_STATES

from rangex_graphql.api.ids import from_global_id

LABEL_SESSION = "rangex.session"


async def query(database_url: str, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    parsed = urlparse(database_url)
    connection = await asyncmy.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 3306,
        user=parsed.username or "root",
        password=parsed.password or "",
        database=parsed.path.lstrip("/"),
        autocommit=True,
    )
    try:
        async with connection.cursor() as cursor:
            await cursor.execute(sql, args)
            return list(await cursor.fetchall())
    finally:
        connection.close()


class EngineView(Protocol):
    name: str

    async def machines(self) -> dict[str, list[str]]:
        """Session id -> states of its machines (running, paused, exited, ...)."""

    async def other_resources(self) -> dict[str, int]:
        """Session id -> resources besides machines (networks)."""


class SimulatedEngine:
    name = "simulated"

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url

    async def machines(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for session_id, state in await query(
            self.database_url, "SELECT session_id, state FROM simulated_machine"
        ):
            found[str(session_id)].append(str(state))
        return found

    async def other_resources(self) -> dict[str, int]:
        return {}


class DockerEngine:
    name = "docker"

    def __init__(self, docker_url: str) -> None:
        self.docker_url = docker_url

    async def machines(self) -> dict[str, list[str]]:
        import aiodocker

        found: dict[str, list[str]] = defaultdict(list)
        docker = aiodocker.Docker(url=self.docker_url)
        try:
            listed = await docker.containers.list(all=True, filters={"label": [LABEL_SESSION]})
            for container in listed:
                labels = container._container.get("Labels") or {}
                state = str(container._container.get("State", "unknown"))
                found[labels[LABEL_SESSION]].append(state)
        finally:
            await docker.close()
        return found

    async def other_resources(self) -> dict[str, int]:
        import aiodocker

        found: dict[str, int] = defaultdict(int)
        docker = aiodocker.Docker(url=self.docker_url)
        try:
            for network in await docker.networks.list(filters={"label": [LABEL_SESSION]}):
                found[(network.get("Labels") or {})[LABEL_SESSION]] += 1
        finally:
            await docker.close()
        return found


@dataclass
class Check:
    sessions: int = 0
    inconsistent: list[str] = field(default_factory=list)
    orphans: int = 0
    transient: int = 0
    states: dict[str, int] = field(default_factory=dict)

    @property
    def settled(self) -> bool:
        return not self.inconsistent and not self.orphans and not self.transient


async def check(database_url: str, engine: EngineView) -> Check:
    rows = await query(database_url, "SELECT id, state, end_reason FROM environment_session")
    machines = await engine.machines()
    others = await engine.other_resources()
    result = Check(sessions=len(rows))
    states: dict[str, str] = {}
    for session_id, state, end_reason in rows:
        states[str(session_id)] = str(state)
        label = f"{state} ({end_reason})" if state == "FAILED" else str(state)
        result.states[label] = result.states.get(label, 0) + 1
    for session_id, state in states.items():
        held = machines.get(session_id, [])
        if state in TRANSIENT_STATES:
            result.transient += 1
        elif state == "RUNNING" and (not held or any(s != "running" for s in held)):
            result.inconsistent.append(f"{session_id} RUNNING, engine {sorted(held)}")
        elif state == "PAUSED" and (not held or any(s != "paused" for s in held)):
            result.inconsistent.append(f"{session_id} PAUSED, engine {sorted(held)}")
    for session_id in set(machines) | set(others):
        if states.get(session_id, "FAILED") in FINAL_STATES:
            result.orphans += len(machines.get(session_id, [])) + others.get(session_id, 0)
    return result


async def converge(
    database_url: str, engine: EngineView, since: float, limit: float
) -> tuple[Check, float | None]:
    """Check every 0.25 s until settled; seconds from ``since`` to settled, None if not
    within ``limit`` seconds."""
    loop = asyncio.get_running_loop()
    while True:
        result = await check(database_url, engine)
        now = loop.time()
        if result.settled:
            return result, now - since
        if now - since > limit:
            return result, None
        await asyncio.sleep(0.25)


@dataclass
class AnswerLedger:
    """What the client knows it earned: session global id -> points acknowledged."""

    earned: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    def acknowledge(self, session_gid: str, points: int) -> None:
        self.earned[session_gid].add(points)

    async def compare(self, database_url: str) -> tuple[int, int]:
        """(lost, doubled): answers acknowledged but not scored, and points scored twice
        or without an acknowledgement."""
        lost = doubled = 0
        for gid, points in self.earned.items():
            session_id = str(from_global_id(gid, "id")[1])
            rows = await query(
                database_url,
                "SELECT s.score, COALESCE(SUM(a.points_awarded), 0) FROM environment_session s "
                "LEFT JOIN session_answer a ON a.session_id = s.id WHERE s.id = %s "
                "GROUP BY s.id",
                (session_id,),
            )
            score, awarded = (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)
            expected = sum(points)
            lost += sum(1 for p in points if not score & p)
            # Bits beyond the acknowledged ones, or a score that is not the sum of its rows.
            doubled += int(score != expected and score & ~expected != 0) + int(score != awarded)
        return lost, doubled

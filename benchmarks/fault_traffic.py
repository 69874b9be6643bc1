"""Traffic for the fault benchmark: sessions brought to RUNNING, answers submitted until
their outcome is known, an open-loop mix of requests at a fixed rate, and WebSocket
subscribers that count what they receive."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from fault_checks import AnswerLedger
from fault_world import (
    ANSWER,
    EXTEND,
    LIFECYCLE,
    START,
    STATE,
    Outcome,
    Question,
    Seeded,
    Tally,
    gql,
)
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

RETRIES = 20
RETRY_PAUSE_SECONDS = 0.5


@dataclass
class Pool:
    """Clients of the replicas, used in turn (a load balancer that skips nothing)."""

    clients: Sequence[httpx.AsyncClient]
    turn: int = 0

    def next(self) -> httpx.AsyncClient:
        self.turn += 1
        return self.clients[self.turn % len(self.clients)]


@dataclass(frozen=True, slots=True)
class Owned:
    gid: str
    token: str


async def start_sessions(pool: Pool, seeded: Seeded, count: int, tally: Tally) -> list[Owned]:
    async def one(n: int) -> Owned | None:
        token = seeded.tokens[n % len(seeded.tokens)]
        outcome = tally.add(await gql(pool.next(), token, START, {"v": seeded.version_id}))
        if outcome.code is None:
            return Owned(outcome.data["sessionStart"]["session"]["id"], token)
        return None

    started = await asyncio.gather(*(one(n) for n in range(count)))
    return [owned for owned in started if owned is not None]


async def state_of(pool: Pool, owned: Owned) -> str | None:
    outcome = await gql(pool.next(), owned.token, STATE, {"id": owned.gid})
    node = outcome.data.get("node") if outcome.code is None else None
    return str(node["state"]) if node else None


async def wait_states(
    pool: Pool, sessions: Sequence[Owned], wanted: Sequence[str], limit: float
) -> list[Owned]:
    """The sessions that reached one of ``wanted`` within ``limit`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    pending = list(sessions)
    reached: list[Owned] = []
    while pending and loop.time() < deadline:
        states = await asyncio.gather(*(state_of(pool, owned) for owned in pending))
        reached += [o for o, s in zip(pending, states, strict=True) if s in wanted]
        pending = [o for o, s in zip(pending, states, strict=True) if s not in wanted]
        if pending:
            await asyncio.sleep(0.2)
    return reached


async def submit_until_known(
    pool: Pool,
    owned: Owned,
    question: Question,
    tally: Tally,
    ledger: AnswerLedger,
    answer: str | None = None,
) -> Outcome:
    """Submit (the right answer unless ``answer``); after a failure whose outcome is
    unknown, submit again, as a client would, until the server gives a definite answer."""
    variables: dict[str, Any] = {"s": owned.gid, "q": question.id}
    variables["a"] = [answer if answer is not None else question.flag]
    outcome = Outcome("unsent")
    for _ in range(RETRIES):
        outcome = tally.add(await gql(pool.next(), owned.token, ANSWER, variables))
        if outcome.code is None:
            if outcome.data["answerSubmit"]["result"]["correct"]:
                ledger.acknowledge(owned.gid, question.points)
            return outcome
        if outcome.code == "payload:ALREADY_ANSWERED":
            ledger.acknowledge(owned.gid, question.points)
            return outcome
        if not outcome.failed:
            return outcome  # typed refusal: a definite answer
        await asyncio.sleep(RETRY_PAUSE_SECONDS)
    return outcome


async def answer_all(
    pool: Pool,
    sessions: Sequence[Owned],
    questions: Sequence[Question],
    tally: Tally,
    ledger: AnswerLedger,
) -> None:
    """Every question of every session: a wrong answer, then the right one."""

    async def one(owned: Owned, question: Question) -> None:
        await submit_until_known(pool, owned, question, tally, ledger, answer="wrong")
        await submit_until_known(pool, owned, question, tally, ledger)

    await asyncio.gather(*(one(o, q) for o in sessions for q in questions))


LIFECYCLE_CALLS = ("Pause", "Resume", "Terminate", "Extend")


async def lifecycle_call(pool: Pool, owned: Owned, action: str, tally: Tally) -> Outcome:
    query = EXTEND if action == "Extend" else LIFECYCLE % action
    return tally.add(await gql(pool.next(), owned.token, query, {"s": owned.gid}))


@dataclass
class Mix:
    """An open-loop request mix: reads, answers, pauses and resumes, starts and ends."""

    pool: Pool
    seeded: Seeded
    sessions: list[Owned]
    tally: Tally
    ledger: AnswerLedger
    rng: random.Random = field(default_factory=lambda: random.Random(13))
    started: list[Owned] = field(default_factory=list)
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    async def run(self, rate: float, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        began = loop.time()
        n = 0
        while loop.time() - began < seconds:
            task = asyncio.create_task(self.one())
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
            n += 1
            await asyncio.sleep(max(0.0, began + n / rate - loop.time()))
        await asyncio.gather(*list(self.tasks), return_exceptions=True)

    async def one(self) -> None:
        pick = self.rng.random()
        owned = self.rng.choice(self.sessions) if self.sessions else None
        if owned is None or pick < 0.1:
            fresh = await start_sessions(self.pool, self.seeded, 1, self.tally)
            self.started += fresh
        elif pick < 0.5:
            self.tally.add(await gql(self.pool.next(), owned.token, STATE, {"id": owned.gid}))
        elif pick < 0.7:
            question = self.rng.choice(self.seeded.questions)
            await submit_until_known(self.pool, owned, question, self.tally, self.ledger)
        elif pick < 0.9:
            action = self.rng.choice(("Pause", "Resume"))
            await lifecycle_call(self.pool, owned, action, self.tally)
        elif self.started:
            ending = self.started.pop(self.rng.randrange(len(self.started)))
            await lifecycle_call(self.pool, ending, "Terminate", self.tally)


# -- subscribers -----------------------------------------------------------------------------


@dataclass
class Subscriber:
    socket: ClientConnection
    frames: list[dict[str, Any]] = field(default_factory=list)
    missed: int = 0
    closed: bool = False
    ended: str | None = None  # the server's "error" or "complete" message

    async def listen(self) -> None:
        try:
            async for raw in self.socket:
                message = json.loads(raw)
                if message.get("type") == "ping":
                    await self.socket.send('{"type":"pong"}')
                elif message.get("type") in ("error", "complete"):
                    self.ended = f"{message['type']}: {message.get('payload')}"
                elif message.get("type") == "next":
                    payload = message.get("payload") or {}
                    self.frames.append(payload.get("data") or {})
                    self.missed += int((payload.get("extensions") or {}).get("missed") or 0)
        except (ConnectionClosed, OSError, ValueError, TypeError) as error:  # this one only
            self.ended = f"{type(error).__name__}: {error}"
        self.closed = True
        if self.ended is None:
            self.ended = f"closed {self.socket.close_code} {self.socket.close_reason!r}"


async def subscribe(
    port: int, token: str, query: str, variables: dict[str, Any] | None = None
) -> Subscriber:
    socket = await connect(
        f"ws://127.0.0.1:{port}/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        max_queue=None,
    )
    await socket.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
    ack = json.loads(await socket.recv())
    if ack.get("type") != "connection_ack":
        raise RuntimeError(f"no connection_ack: {ack}")
    payload = {"query": query, "variables": variables or {}}
    await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
    return Subscriber(socket)


SESSION_UPDATED = "subscription($id: ID!) { sessionUpdated(id: $id) { id state } }"
MY_SESSIONS = "subscription { mySessions { id state } }"
NOTIFICATIONS = "subscription { notifications { id kind } }"


def last_state(subscriber: Subscriber, field_name: str, gid: str | None = None) -> str | None:
    for frame in reversed(subscriber.frames):
        node = frame.get(field_name)
        if node and (gid is None or node.get("id") == gid):
            return str(node["state"])
    return None

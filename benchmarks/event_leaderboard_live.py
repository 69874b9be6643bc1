"""Live event board: 2,000 ``eventLeaderboard`` subscribers on one worker, 20 solves/s for 60 s.

Each run seeds a fresh database with a RUNNING solo event (``event_world.py``: 500
registered participants, the first 100 active with a running event session, one challenge
of 50 FLAG questions, DYNAMIC scoring), starts ``rangex-graphql serve`` (one worker, Redis
broker), connects the subscribers over graphql-transport-ws (signed-in spectators, all
with the same document: one shared execution), then sends right answers through the real
path, ``answerSubmit`` over HTTP as each participant, at a fixed pace (open loop: a slow
answer does not delay the next). The server commits the solve and publishes it; the board
reaches subscribers at most once a second after a change.

Latency of a solve to a subscriber: from the solve's commit to the receipt of the first
board showing it. The commit time is read back from the row (``EventSolve.created_at``,
set by the server inside the answer's transaction just before the commit, so the figure
errs long by the commit itself); the answer's HTTP response (after the commit and the
publish) gives a lower bound, also printed. A board "shows" a solve when its participant's
``solves`` count there has reached that solve's rank among the participant's solves in
``created_at`` order (a user's answers are serialized by their row lock, so that is their
commit order). The active participants are at most ``top`` and rank above the idle ones
once they score, so every solve's participant is on the board.

Final board: once every subscriber's last board counts every solve (or after
``--drain-timeout``), and a few seconds more for any later board, the board is read over
HTTP (``Event.leaderboard``, the same fields) and every subscriber's last board must equal
it.

Baseline, same run, same seed and solve pace: ONE subscriber. What one dashboard waits
for is the floor the fan-out cannot beat: the commit, the broker, the at-most-once-a-second
throttle and one execution of the board. The difference between the rows is the cost of
delivering each board to 2,000 sockets from the same worker that takes the answers.

    .venv/bin/python benchmarks/event_leaderboard_live.py                     # 2000 x 60 s
    .venv/bin/python benchmarks/event_leaderboard_live.py --subscribers 100 --duration 10
    .venv/bin/python benchmarks/event_leaderboard_live.py --profile           # + py-spy

Needs Redis (``--redis-url``, default redis://127.0.0.1:6379/14). The database is a fresh
SQLite file per run unless ``--database-url mysql://...`` names a MariaDB database, which is
dropped and recreated for each run. Clients, answers and server share the machine: on a
small one they compete for CPU, which the figures include (the load average is printed).
Exit status 1 when the p99 target (1,500 ms) is missed or a subscriber's last board differs
from the final one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from cases import HttpRequest
from event_world import World, seed_world
from load import RawConnection, encode
from profiling import sampling, summarize
from seed import exclusive_database, recreate_database
from subscriptions import HOST, cpu_seconds, free_port, percentile, server
from tortoise import Tortoise
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.models import EventSolve
from rangex_graphql.models.enums import ScoringMode
from rangex_graphql.settings import Settings

SECRET = "event-leaderboard-benchmark-secret-key-" * 2
TARGET_P99_MS = 1500.0
# The selection both the subscription and the HTTP read make of a board: viewer-neutral
# fields only (a participant is told by its unique display name), so every subscriber
# shares one execution.
BOARD_FIELDS = "rank displayName score solves lastSolveAt"
SUBSCRIPTION = (
    "subscription Board($event: ID!, $top: Int!) "
    f"{{ eventLeaderboard(eventId: $event, top: $top) {{ entries {{ {BOARD_FIELDS} }} }} }}"
)
FINAL_BOARD = (
    "query Final($event: ID!, $top: Int!) { node(id: $event) { ... on Event "
    f"{{ leaderboard(first: $top) {{ edges {{ node {{ {BOARD_FIELDS} }} }} }} }} }} }}"
)
ANSWER = (
    "mutation Answer($input: AnswerSubmitInput!) "
    "{ answerSubmit(input: $input) { result { correct } errors { code message } } }"
)


def subscription_entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    return list(data["eventLeaderboard"]["entries"])


def http_entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in data["node"]["leaderboard"]["edges"]]


def solves_by_participant(entries: list[dict[str, Any]]) -> dict[str, int]:
    return {entry["displayName"]: int(entry["solves"]) for entry in entries}


# --- subscribers --------------------------------------------------------------------------


class Boards:
    """Every distinct board text received, numbered: subscribers get the same texts, so
    each is kept (and parsed) once."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.texts: list[str] = []
        self._solves: list[int] = []

    def number(self, raw: str) -> int:
        found = self.numbers.get(raw)
        if found is None:
            found = self.numbers[raw] = len(self.texts)
            self.texts.append(raw)
        return found

    def entries(self) -> list[list[dict[str, Any]] | None]:
        """Each board's entries; None for a result with errors."""
        return [self._entries(raw) for raw in self.texts]

    def solves(self, number: int) -> int:
        """How many solves board ``number`` counts in all (its entries' sum)."""
        while len(self._solves) <= number:
            entries = self._entries(self.texts[len(self._solves)])
            self._solves.append(sum(int(e["solves"]) for e in entries or ()))
        return self._solves[number]

    @staticmethod
    def _entries(raw: str) -> list[dict[str, Any]] | None:
        payload = json.loads(raw)["payload"]
        return None if payload.get("errors") else subscription_entries(payload["data"])


class BoardSubscriber:
    def __init__(self, socket: ClientConnection, boards: Boards) -> None:
        self.socket = socket
        self.boards = boards
        self.frames: list[tuple[float, int]] = []  # (wall-clock receipt, board number)
        self.missed = 0
        self.gaps = 0
        self.ended: str | None = None  # a complete or error frame, or a closed socket

    def take(self, raw: str) -> None:
        self.frames.append((time.time(), self.boards.number(raw)))
        if '"missed"' in raw:
            missed = json.loads(raw)["payload"]["extensions"]["missed"]
            if missed is None:  # the server lost its broker connection: unknown
                self.gaps += 1
            else:
                self.missed += int(missed)

    async def listen(self) -> None:
        try:
            async for raw in self.socket:
                assert isinstance(raw, str)
                if raw.startswith('{"id"') and '"type":"next"' in raw:
                    self.take(raw)
                elif '"type":"ping"' in raw:
                    await self.socket.send('{"type":"pong"}')
                elif '"type":"complete"' in raw or '"type":"error"' in raw:
                    self.ended = raw[:300]
        except ConnectionClosed as error:
            self.ended = f"{type(error).__name__}: {error}"


async def open_board_subscriber(
    url: str, token: str, variables: dict[str, Any], boards: Boards
) -> BoardSubscriber:
    socket = await connect(url, subprotocols=["graphql-transport-ws"], max_queue=None)  # type: ignore[list-item]
    await socket.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
    ack = json.loads(await socket.recv())
    assert ack["type"] == "connection_ack", ack
    payload = {"query": SUBSCRIPTION, "variables": variables}
    await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
    subscriber = BoardSubscriber(socket, boards)
    first = await socket.recv()
    assert isinstance(first, str), first
    assert '"type":"next"' in first, first
    subscriber.take(first)  # the current board first
    return subscriber


async def connect_all(
    url: str, tokens: list[str], count: int, variables: dict[str, Any], boards: Boards
) -> list[BoardSubscriber]:
    subscribers: list[BoardSubscriber] = []
    for start in range(0, count, 50):
        batch = range(start, min(start + 50, count))
        subscribers += await asyncio.gather(
            *(open_board_subscriber(url, tokens[i % len(tokens)], variables, boards) for i in batch)
        )
    return subscribers


async def until_final(
    subscribers: list[BoardSubscriber], boards: Boards, solves: int, quiet: float, limit: float
) -> None:
    """Until every subscriber's last board counts ``solves`` (at most ``limit`` seconds),
    then ``quiet`` seconds more for any later board."""
    deadline = time.monotonic() + limit
    pending = list(subscribers)
    while pending and time.monotonic() < deadline:
        pending = [s for s in pending if not s.frames or boards.solves(s.frames[-1][1]) < solves]
        await asyncio.sleep(0.2)
    await asyncio.sleep(quiet)


# --- answers ------------------------------------------------------------------------------


@dataclass
class Answer:
    player: int
    question: int
    sent: float  # wall clock
    answered: float = float("nan")
    ok: bool = False
    problem: str = ""


@dataclass
class Generator:
    """Right answers at ``rate`` per second (open loop: a slow answer delays no other),
    from the active participants in turn, each on a question that participant has not
    solved."""

    world: World
    rate: float
    duration: float
    seed: int
    answers: list[Answer] = field(default_factory=list)

    async def run(self, port: int) -> None:
        rng = random.Random(self.seed)
        count = len(self.world.questions)
        # Never every question of a session: a session solved in full completes.
        todo = [rng.sample(range(count), count - 1) for _ in self.world.players]
        total = min(round(self.rate * self.duration), sum(map(len, todo)))
        # Keep-alive connections, one per answer in flight (httpx's pool costs the client
        # milliseconds of CPU per request, taken from the server on a small machine).
        idle: list[RawConnection] = []
        tasks: list[asyncio.Task[None]] = []
        began = time.monotonic()
        for tick in range(total):
            await asyncio.sleep(max(0.0, began + tick / self.rate - time.monotonic()))
            player = tick % len(todo)
            answer = Answer(player, todo[player].pop(), time.time())
            self.answers.append(answer)
            tasks.append(asyncio.create_task(self._send(port, idle, answer)))
        await asyncio.gather(*tasks)
        for connection in idle:
            await connection.close()

    async def _send(self, port: int, idle: list[RawConnection], answer: Answer) -> None:
        player = self.world.players[answer.player]
        question, flag = self.world.questions[answer.question]
        variables = {
            "input": {"session": player.session_gid, "question": question, "answer": [flag]}
        }
        body = json.dumps({"query": ANSWER, "variables": variables}).encode()
        request = encode(HttpRequest("POST", "/graphql", body, player.token), port)
        connection = None
        try:
            connection = idle.pop() if idle else await RawConnection.open(port)
            status, raw = await connection.exchange(request)
            answer.answered = time.time()
            idle.append(connection)
            result = json.loads(raw)
            submitted = (result.get("data") or {}).get("answerSubmit") or {}
            answer.ok = bool((submitted.get("result") or {}).get("correct"))
            if not answer.ok:
                problem = submitted.get("errors") or result.get("errors")
                answer.problem = f"{status} {json.dumps(problem)}"[:300]
        except (OSError, asyncio.IncompleteReadError) as error:
            answer.problem = f"{type(error).__name__}: {error}"
            if connection is not None:
                await connection.close()


# --- a run --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Commit:
    participant: str  # the display name the board shows
    rank: int  # 1 for the participant's first solve, ...
    at: float  # EventSolve.created_at, Unix seconds
    answered: float  # the answer's HTTP response, Unix seconds


async def read_commits(settings: Settings, world: World, answers: list[Answer]) -> list[Commit]:
    """The solves of the event, each with its commit time and its participant's rank."""
    await Tortoise.init(config=tortoise_config(settings))
    try:
        rows = await EventSolve.filter(event_id=world.event_id).values(
            "registration_id", "question_id", "created_at"
        )
    finally:
        await Tortoise.close_connections()
    by_registration = {p.registration_id: n for n, p in enumerate(world.players)}
    question_number = {gid: n for n, (gid, _) in enumerate(world.questions)}
    responses = {(a.player, a.question): a.answered for a in answers}
    timed: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        player = by_registration[str(row["registration_id"])]
        question = question_number[to_global_id("Question", row["question_id"])]
        at = _unix(row["created_at"])
        timed[player].append((at, responses.get((player, question), float("nan"))))
    commits = []
    for player, times in timed.items():
        for rank, (at, answered) in enumerate(sorted(times), start=1):
            commits.append(Commit(world.players[player].display_name, rank, at, answered))
    return commits


def _unix(value: datetime) -> float:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()


def first_showing(
    frames: list[int], boards: list[dict[str, int] | None]
) -> dict[tuple[str, int], int]:
    """For a sequence of boards: (participant, rank) → index of the first frame showing it."""
    seen: dict[str, int] = defaultdict(int)
    first: dict[tuple[str, int], int] = {}
    for index, number in enumerate(frames):
        board = boards[number]
        for participant, solves in (board or {}).items():
            for rank in range(seen[participant] + 1, solves + 1):
                first[(participant, rank)] = index
            seen[participant] = max(seen[participant], solves)
    return first


def latencies(
    subscribers: list[BoardSubscriber], boards: list[dict[str, int] | None], commits: list[Commit]
) -> tuple[list[float], list[float], int]:
    """(from commit, from the answer's response) in ms for every subscriber and solve, and
    how many (subscriber, solve) pairs never showed."""
    memo: dict[tuple[int, ...], dict[tuple[str, int], int]] = {}
    from_commit: list[float] = []
    from_response: list[float] = []
    unseen = 0
    for subscriber in subscribers:
        sequence = tuple(number for _, number in subscriber.frames)
        first = memo.get(sequence)
        if first is None:
            first = memo[sequence] = first_showing(list(sequence), boards)
        for commit in commits:
            index = first.get((commit.participant, commit.rank))
            if index is None:
                unseen += 1
                continue
            received = subscriber.frames[index][0]
            from_commit.append((received - commit.at) * 1000)
            from_response.append((received - commit.answered) * 1000)
    return from_commit, from_response, unseen


async def final_board(base_url: str, token: str, variables: dict[str, Any]) -> Any:
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        response = await client.post(
            "/graphql",
            json={"query": FINAL_BOARD, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
        )
    body = response.json()
    if body.get("errors"):
        raise RuntimeError(f"final board: {body['errors']}")
    return http_entries(body["data"])


async def prepare_database(args: argparse.Namespace, workdir: Path) -> str:
    if args.database_url is None:
        return f"sqlite://{workdir / 'bench.sqlite3'}"
    await recreate_database(args.database_url)
    return str(args.database_url)


async def run_mode(args: argparse.Namespace, subscriber_count: int) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="rangex-board-"))
    database_url = await prepare_database(args, workdir)
    env = {
        **os.environ,
        "RANGEX_DATABASE_URL": database_url,
        "RANGEX_REDIS_URL": args.redis_url,
        "RANGEX_SECRET_KEY": SECRET,
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_JOBS_ENABLED": "false",
        "RANGEX_GRAPHIQL": "false",
        "RANGEX_LOG_LEVEL": "warning",
        "RANGEX_COST_BUDGET_PER_MINUTE": "0",
        "RANGEX_WS_MAX_CONNECTIONS_PER_USER": str(max(1000, subscriber_count)),
    }
    settings = Settings(database_url=database_url, secret_key=SECRET)
    world = await seed_world(
        settings,
        participants=args.participants,
        active=args.active,
        questions=args.questions,
        spectators=args.spectators,
        scoring=ScoringMode(args.scoring),
    )
    variables = {"event": world.event_gid, "top": args.top}
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    boards = Boards()
    generator = Generator(world, args.rate, args.duration, args.seed)
    profile: list[str] = []
    load_before = os.getloadavg()
    with server(env, port, workdir / "server.log", None, False) as pid:
        tokens = world.spectator_tokens
        connecting = time.monotonic()
        subscribers = await connect_all(
            f"ws://{HOST}:{port}/graphql", tokens, subscriber_count, variables, boards
        )
        connect_s = time.monotonic() - connecting
        listeners = [asyncio.create_task(s.listen()) for s in subscribers]
        server_cpu, client_cpu = cpu_seconds(pid), time.process_time()
        began = time.monotonic()
        if args.profile:
            output = workdir / "profile.txt"
            with sampling(pid, args.duration, output):
                await generator.run(port)
        else:
            await generator.run(port)
        answering_s = time.monotonic() - began
        solved = sum(1 for answer in generator.answers if answer.ok)
        await until_final(subscribers, boards, solved, args.quiet, args.drain_timeout)
        server_cpu = cpu_seconds(pid) - server_cpu  # the drain included
        client_cpu = time.process_time() - client_cpu
        load_after = os.getloadavg()
        final = await final_board(base_url, tokens[0], variables)
        for task in listeners:
            task.cancel()
        await asyncio.gather(*listeners, return_exceptions=True)
        await asyncio.gather(*(s.socket.close() for s in subscribers), return_exceptions=True)
    if args.profile:
        profile = summarize(workdir / "profile.txt")
    commits = await read_commits(settings, world, generator.answers)
    entries = boards.entries()
    parsed = [None if e is None else solves_by_participant(e) for e in entries]
    from_commit, from_response, unseen = latencies(subscribers, parsed, commits)
    final_matches = sum(1 for s in subscribers if s.frames and entries[s.frames[-1][1]] == final)
    failed = [a for a in generator.answers if not a.ok]
    return {
        "mode": f"{subscriber_count} subscriber{'s' if subscriber_count != 1 else ''}",
        "subscribers": subscriber_count,
        "answers_sent": len(generator.answers),
        "answers_failed": len(failed),
        "failures": sorted({a.problem for a in failed})[:5],
        "solves": len(commits),
        "solves_per_s": len(commits) / answering_s if answering_s else 0.0,
        "pairs": len(commits) * subscriber_count,
        "unseen": unseen,
        "p50_ms": percentile(from_commit, 50),
        "p95_ms": percentile(from_commit, 95),
        "p99_ms": percentile(from_commit, 99),
        "max_ms": max(from_commit, default=float("nan")),
        "response_p50_ms": percentile(from_response, 50),
        "response_p99_ms": percentile(from_response, 99),
        "answer_p50_ms": percentile([(a.answered - a.sent) * 1000 for a in generator.answers], 50),
        "answer_p99_ms": percentile([(a.answered - a.sent) * 1000 for a in generator.answers], 99),
        "boards_per_subscriber": sum(len(s.frames) for s in subscribers) / subscriber_count,
        "distinct_boards": len(boards.texts),
        "board_bytes": round(sum(map(len, boards.texts)) / max(1, len(boards.texts))),
        "missed": sum(s.missed for s in subscribers),
        "unknown_gaps": sum(s.gaps for s in subscribers),
        "ended_early": sum(1 for s in subscribers if s.ended),
        "final_board_rows": len(final),
        "final_matches": final_matches,
        "server_cpu_s": server_cpu,
        "connect_s": connect_s,
        "client_cpu_s": client_cpu,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "profile": profile,
    }


def table(rows: list[dict[str, Any]]) -> str:
    header = (
        "| run | solves (per s) | p50 ms | p95 ms | p99 ms | max ms | p50 / p99 from response "
        "| unseen | last board = final | boards per subscriber | missed "
        "| answer p50 / p99 ms | server CPU s | load average |"
    )
    lines = [header, "|" + "---|" * 14]
    for r in rows:
        lines.append(
            f"| {r['mode']} | {r['solves']} ({r['solves_per_s']:.1f}) | {r['p50_ms']:.0f} | "
            f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {r['max_ms']:.0f} | "
            f"{r['response_p50_ms']:.0f} / {r['response_p99_ms']:.0f} | "
            f"{r['unseen']}/{r['pairs']} | {r['final_matches']}/{r['subscribers']} | "
            f"{r['boards_per_subscriber']:.1f} | {r['missed']} | "
            f"{r['answer_p50_ms']:.0f} / {r['answer_p99_ms']:.0f} | {r['server_cpu_s']:.1f} | "
            f"{r['load_before'][0]:.1f} → {r['load_after'][0]:.1f} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=2000)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of answers")
    parser.add_argument("--rate", type=float, default=20.0, help="right answers per second")
    parser.add_argument("--top", type=int, default=100, help="the board's size (<= 100)")
    parser.add_argument("--participants", type=int, default=500, help="registered")
    parser.add_argument("--active", type=int, default=100, help="answering (<= --top)")
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--spectators", type=int, default=50, help="users the subscribers use")
    parser.add_argument("--scoring", choices=[m.value for m in ScoringMode], default="DYNAMIC")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--quiet", type=float, default=3.0, help="seconds waited after the final board"
    )
    parser.add_argument("--drain-timeout", type=float, default=60.0)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--database-url", default=None, help="mysql://...; default: SQLite")
    parser.add_argument("--no-baseline", action="store_true", help="skip the 1-subscriber run")
    parser.add_argument("--profile", action="store_true", help="py-spy the server (main run)")
    args = parser.parse_args(argv)
    if args.active > args.top or args.active > args.participants:
        parser.error("--active must be at most --top and --participants")
    return args


async def main_async(args: argparse.Namespace) -> list[dict[str, Any]]:
    rows = [await run_mode(args, args.subscribers)]
    if not args.no_baseline:
        profile, args.profile = args.profile, False
        rows.append(await run_mode(args, 1))
        args.profile = profile
    return rows


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.database_url is not None:
        with exclusive_database(args.database_url):
            rows = asyncio.run(main_async(args))
    else:
        rows = asyncio.run(main_async(args))
    print(table(rows))
    for row in rows:
        for line in row.pop("profile"):
            print(line)
    print(json.dumps(rows, indent=2))
    main_row = rows[0]
    met = (
        main_row["p99_ms"] <= TARGET_P99_MS
        and main_row["final_matches"] == main_row["subscribers"]
        and main_row["unseen"] == 0
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())

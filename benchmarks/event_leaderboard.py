"""Throughput of ``Event.leaderboard`` (first page of 50) against a hand-written baseline.

Seeds a MySQL/MariaDB database with two RUNNING events of one challenge of 50 questions,
DYNAMIC scoring: a solo event of 5,000 participants and 100,000 solves (20 per
participant), and a team event of 1,000 teams of 5 and 40,000 solves (40 per team; a team
solves a question once, so 50,000 is its ceiling). Then, like ``http_queries.py``, it
starts the API and the baseline as uvicorn subprocesses (same pool size, same database),
checks that both answer with the same data, loads one server at a time (ABBA rounds) and
prints requests/s, latency and the rangex/baseline ratio (target >= 0.5).

The baseline computes the same ranking in ONE SQL statement per request: the event by
slug, the DYNAMIC values in SQL, the scores, RANK(), the names and the page, all in a
single WITH query. The API spends one statement on the event, one on the solve counts
(the values are computed in Python), one on the ranking, one on the names (and one on the
teams for the team event).

    .venv/bin/python benchmarks/event_leaderboard.py --duration 10

Also the baseline's app: ``uvicorn event_leaderboard:create_baseline_app --factory
--app-dir benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import platform
import random
import secrets
import sys
import time
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid5

import uvloop
from baseline_app import Baseline, json_response
from cases import HttpRequest
from load import LoadResult, LoadSession, fetch_once
from seed import exclusive_database, recreate_database
from servers import BENCH_DIR, Server, free_port, running_server, uvicorn_command
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise import Tortoise

from rangex_graphql.app import tune_garbage_collector
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.db.migrate import apply_migrations
from rangex_graphql.models import (
    Event,
    EventQuestion,
    EventRegistration,
    EventScenario,
    EventSolve,
    Question,
    Scenario,
    ScenarioVersion,
    Team,
    User,
)
from rangex_graphql.models.enums import (
    Difficulty,
    EventStatus,
    ParticipationMode,
    QuestionKind,
    ScoringMode,
    UserRole,
    VersionStatus,
)
from rangex_graphql.settings import MySQLDriver, Settings

DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/rangex_bench_events"
RESULTS_PATH = BENCH_DIR / "results" / "event_leaderboard.json"
TARGET_RATIO = 0.5
PAGE = 50
QUESTIONS = 50
SOLO_PARTICIPANTS = 5_000
SOLO_SOLVES_EACH = 20  # 100,000 solves
TEAMS = 1_000
TEAM_SIZE = 5
TEAM_SOLVES_EACH = 40  # 40,000 solves
HIDDEN_EVERY = 20  # every 20th user hides their profile
BATCH = 2_000
COST_BUDGET_PER_MINUTE = 10**12
NAMESPACE = UUID("0e7c2f51-7a3b-4f7e-9c35-61c0c1d2b8a4")
EPOCH = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
SOLO_SLUG, TEAM_SLUG = "bench-solo-event", "bench-team-event"
HIDDEN_NAME = "Hidden participant"  # api/event/leaderboard.py

QUERY = """
query Board($slug: String!, $first: Int!) {
  event(slug: $slug) {
    leaderboard(first: $first) {
      edges { node { rank score solves lastSolveAt displayName } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""


def _id(*parts: object) -> UUID:
    return uuid5(NAMESPACE, ":".join(map(str, parts)))


# --- seeding ------------------------------------------------------------------------------


async def _event_with_questions(
    slug: str, mode: ParticipationMode, creator: User, version: ScenarioVersion
) -> tuple[Event, list[Question]]:
    event = await Event.create(
        id=_id("event", slug),
        title=slug,
        slug=slug,
        starts_at=EPOCH,
        ends_at=datetime.now(UTC) + timedelta(days=30),
        status=EventStatus.RUNNING,
        participation_mode=mode,
        scoring_mode=ScoringMode.DYNAMIC,
        dynamic_decay=3_000,
        created_by=creator,
    )
    challenge = await EventScenario.create(event=event, version=version, points=QUESTIONS * 100)
    questions = list(await Question.filter(version=version).order_by("position"))
    await EventQuestion.bulk_create(
        [
            EventQuestion(event=event, challenge=challenge, question=q, initial_points=100 + 10 * i)
            for i, q in enumerate(questions)
        ]
    )
    return event, questions


async def _solves(
    event: Event,
    questions: list[Question],
    registrations: list[EventRegistration],
    solvers: list[UUID],
    each: int,
    rng: random.Random,
) -> int:
    """``each`` distinct questions per registration, at random times; bloods to the first
    three solvers of each question by time; the counters set."""
    rows: list[tuple[UUID, UUID, UUID, datetime]] = []
    for registration, solver in zip(registrations, solvers, strict=True):
        for q in rng.sample(range(len(questions)), each):
            when = EPOCH + timedelta(seconds=rng.randrange(6 * 3600), microseconds=q)
            rows.append((registration.id, questions[q].id, solver, when))
    rows.sort(key=lambda row: row[3])
    seen: dict[UUID, int] = {}
    batch: list[EventSolve] = []
    for registration_id, question_id, solver, when in rows:
        rank = seen[question_id] = seen.get(question_id, 0) + 1
        blood = rank if rank <= 3 else 0
        batch.append(
            EventSolve(
                event_id=event.id,
                registration_id=registration_id,
                question_id=question_id,
                user_id=solver,
                solved_at=when,
                blood=blood,
                bonus_points=(0, 5, 3, 1)[blood],
            )
        )
        if len(batch) >= BATCH:
            await EventSolve.bulk_create(batch)
            batch = []
    if batch:
        await EventSolve.bulk_create(batch)
    for question_id, count in seen.items():
        await EventQuestion.filter(event=event, question_id=question_id).update(solves=count)
    return len(rows)


BOARD_INDEX = ("event_id", "registration_id", "question_id", "solved_at", "bonus_points")


async def ensure_board_index() -> None:
    """The covering index the board reads (models/event_solve.py), created here when the
    migrations do not have it yet."""
    client = EventSolve._meta.db
    rows = await client.execute_query_dict("SHOW INDEX FROM event_solve")
    indexes: dict[str, list[tuple[int, str]]] = {}
    for row in rows:
        indexes.setdefault(row["Key_name"], []).append((row["Seq_in_index"], row["Column_name"]))
    if any(tuple(c for _, c in sorted(cols)) == BOARD_INDEX for cols in indexes.values()):
        return
    print("creating the board's covering index on event_solve (not in the migrations yet)")
    columns = ", ".join(f"`{c}`" for c in BOARD_INDEX)
    await client.execute_script(f"CREATE INDEX idx_event_solve_board ON event_solve ({columns})")


def _users(prefix: str, count: int) -> list[User]:
    return [
        User(
            id=_id("user", prefix, n),
            email=f"{prefix}{n}@bench.rangex.local",
            username=f"{prefix}{n}",
            display_name=f"{prefix.title()} {n:05d}",
            role=UserRole.USER,
            profile_hidden=n % HIDDEN_EVERY == 7,
            created_at=EPOCH,
        )
        for n in range(count)
    ]


async def seed(settings: Settings) -> dict[str, int]:
    """Recreate ``settings.database_url`` and fill it; Tortoise is closed on return."""
    await recreate_database(settings.database_url)
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    rng = random.Random(14)
    try:
        await ensure_board_index()
        creator = await User.create(
            email="organiser@bench.rangex.local",
            username="bench-organiser",
            display_name="Organiser",
            role=UserRole.CREATOR,
        )
        scenario = await Scenario.create(
            author=creator,
            title="Benchmark challenge",
            slug="bench-challenge",
            description="The event benchmark's one challenge.",
            difficulty=Difficulty.BEGINNER,
            category="web",
        )
        version = await ScenarioVersion.create(
            scenario=scenario, number=1, status=VersionStatus.PUBLISHED, published_at=EPOCH
        )
        await Question.bulk_create(
            [
                Question(
                    version=version,
                    prompt=f"Question {i}?",
                    kind=QuestionKind.FLAG,
                    points=100 + 10 * i,
                    position=i,
                )
                for i in range(QUESTIONS)
            ]
        )
        rows: dict[str, int] = {}

        solo, solo_questions = await _event_with_questions(
            SOLO_SLUG, ParticipationMode.SOLO, creator, version
        )
        players = _users("player", SOLO_PARTICIPANTS)
        await User.bulk_create(players, batch_size=BATCH)
        solo_registrations = [
            EventRegistration(
                id=_id("reg", "solo", n),
                event_id=solo.id,
                user_id=user.id,
                created_at=EPOCH - timedelta(seconds=n),
            )
            for n, user in enumerate(players)
        ]
        await EventRegistration.bulk_create(solo_registrations, batch_size=BATCH)
        rows["solo solves"] = await _solves(
            solo,
            solo_questions,
            solo_registrations,
            [u.id for u in players],
            SOLO_SOLVES_EACH,
            rng,
        )

        teamed, team_questions = await _event_with_questions(
            TEAM_SLUG, ParticipationMode.TEAM, creator, version
        )
        members = _users("member", TEAMS * TEAM_SIZE)
        await User.bulk_create(members, batch_size=BATCH)
        teams = [
            Team(id=_id("team", n), name=f"Team {n:04d}", slug=f"team-{n:04d}")
            for n in range(TEAMS)
        ]
        await Team.bulk_create(teams, batch_size=BATCH)
        team_registrations = [
            EventRegistration(
                id=_id("reg", "team", n),
                event_id=teamed.id,
                team_id=team.id,
                created_at=EPOCH - timedelta(seconds=n),
            )
            for n, team in enumerate(teams)
        ]
        await EventRegistration.bulk_create(team_registrations, batch_size=BATCH)
        rows["team solves"] = await _solves(
            teamed,
            team_questions,
            team_registrations,
            [members[n * TEAM_SIZE].id for n in range(TEAMS)],
            TEAM_SOLVES_EACH,
            rng,
        )
        rows["users"] = len(players) + len(members) + 1
        rows["registrations"] = len(solo_registrations) + len(team_registrations)
    finally:
        await Tortoise.close_connections()
    return rows


# --- the baseline: the same ranking in one statement --------------------------------------

# One statement: the event, each question's DYNAMIC value as services/events/dynamic_value.py
# computes it, the scores summed per registration, RANK(), the names and the page. The
# statement's own optimizer settings (a hash join on the values, no per-registration
# "split" derived table) halve its time on MariaDB 10.11: the fastest one statement found.
BOARD_SQL = """
SET STATEMENT join_cache_level = 4, optimizer_switch = 'split_materialized=off' FOR
WITH ev AS (
  SELECT id, scoring_mode, dynamic_minimum_percent AS mp, dynamic_decay AS decay
  FROM event WHERE slug = %s AND deleted_at IS NULL AND status <> 'DRAFT'
), qv AS (
  SELECT q.question_id,
    CASE
      WHEN ev.scoring_mode = 'STATIC' OR q.solves <= 1 THEN q.initial_points
      WHEN q.solves >= ev.decay THEN GREATEST(0, CEIL(q.initial_points * ev.mp / 100))
      ELSE GREATEST(
        GREATEST(0, CEIL(q.initial_points * ev.mp / 100)),
        CEIL(q.initial_points + (GREATEST(0, CEIL(q.initial_points * ev.mp / 100))
          - q.initial_points) * (q.solves - 1) * (q.solves - 1)
          / ((ev.decay - 1) * (ev.decay - 1))))
    END AS value
  FROM event_question q JOIN ev ON q.event_id = ev.id
), a AS (
  SELECT s.registration_id, SUM(qv.value + s.bonus_points) AS score, COUNT(*) AS solves,
    MAX(s.solved_at) AS last_solve_at
  FROM event_solve s JOIN ev ON s.event_id = ev.id JOIN qv ON qv.question_id = s.question_id
  GROUP BY s.registration_id
), b AS (
  SELECT r.id, r.user_id, r.team_id, COALESCE(a.score, 0) AS score,
    COALESCE(a.solves, 0) AS solves, a.last_solve_at,
    CASE WHEN a.solves IS NULL THEN 1 ELSE 0 END AS unsolved,
    COALESCE(a.last_solve_at, r.created_at) AS sort_time
  FROM event_registration r JOIN ev ON r.event_id = ev.id
  LEFT JOIN a ON a.registration_id = r.id
  WHERE r.status = 'APPROVED'
), ranked AS (
  SELECT b.*, RANK() OVER (ORDER BY score DESC, unsolved ASC, last_solve_at ASC) AS board_rank
  FROM b
)
SELECT ranked.id, ranked.board_rank, ranked.score, ranked.solves, ranked.last_solve_at,
  ranked.unsolved, ranked.sort_time, u.display_name, u.profile_hidden, t.name
FROM ranked LEFT JOIN user u ON u.id = ranked.user_id LEFT JOIN team t ON t.id = ranked.team_id
ORDER BY score DESC, unsolved ASC, sort_time ASC, ranked.id ASC
LIMIT %s
"""


def board_cursor(score: int, unsolved: int, sort_time: datetime, pk: str) -> str:
    """The API's cursor: base64url of [score, unsolved, time as compared, registration]."""
    values = [int(score), int(unsolved), sort_time.isoformat(" "), pk]
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


class BoardBaseline(Baseline):
    async def board(self, request: Request) -> Response:
        first = max(0, min(int(request.query_params.get("first", "20")), 100))
        async with self.pool.acquire() as connection, connection.cursor() as cursor:
            await cursor.execute(BOARD_SQL, (request.path_params["slug"], first + 1))
            rows = list(await cursor.fetchall())
        has_next, rows = len(rows) > first, rows[:first]
        edges = []
        for _, rank, score, solves, last, _, _, display_name, hidden, team in rows:
            name = team if team is not None else (HIDDEN_NAME if hidden else display_name)
            edges.append(
                {
                    "node": {
                        "rank": int(rank),
                        "score": int(score),
                        "solves": int(solves),
                        "lastSolveAt": last.replace(tzinfo=UTC).isoformat() if last else None,
                        "displayName": name,
                    }
                }
            )
        end = rows[-1] if rows else None
        page_info = {
            "hasNextPage": has_next,
            "endCursor": board_cursor(end[2], end[5], end[6], end[0]) if end else None,
        }
        board = {"edges": edges, "pageInfo": page_info}
        return json_response({"data": {"event": {"leaderboard": board}}})


def create_baseline_app() -> Starlette:
    baseline = BoardBaseline(
        driver=os.environ.get("BENCH_DRIVER", "asyncmy"),
        database_url=os.environ["BENCH_DATABASE_URL"],
        pool_max=int(os.environ.get("BENCH_POOL_MAX", "10")),
        settings=Settings(),
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await baseline.open()
        tune_garbage_collector()
        try:
            yield
        finally:
            await baseline.close()

    routes = [
        Route("/board/{slug}", baseline.board),
        Route("/health", baseline.health),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


# --- the run ------------------------------------------------------------------------------


def graphql_request(slug: str) -> HttpRequest:
    body = json.dumps({"query": QUERY, "variables": {"slug": slug, "first": PAGE}}).encode()
    return HttpRequest("POST", "/graphql", body)


def baseline_request(slug: str) -> HttpRequest:
    return HttpRequest("GET", f"/board/{slug}?first={PAGE}")


async def same_data(rangex: Server, baseline: Server, slug: str) -> str:
    answers = []
    for server, request in ((rangex, graphql_request(slug)), (baseline, baseline_request(slug))):
        status, body = await fetch_once(server, request)
        document = json.loads(body)
        if status != 200 or "errors" in document:
            raise RuntimeError(f"{server.name} answered {status}: {body[:300]!r}")
        answers.append(document["data"])
    ours, theirs = answers
    if json.dumps(ours, sort_keys=True) != json.dumps(theirs, sort_keys=True):
        a = ours["event"]["leaderboard"]
        b = theirs["event"]["leaderboard"]
        for i, (x, y) in enumerate(zip(a["edges"], b["edges"], strict=False)):
            if x != y:
                raise RuntimeError(f"{slug}: entry {i} differs: {x} vs {y}")
        raise RuntimeError(f"{slug}: pages differ: {a['pageInfo']} vs {b['pageInfo']}")
    top = ours["event"]["leaderboard"]["edges"][0]["node"]
    return f"same data from both servers (top: {top['displayName']}, {top['score']} points)"


async def measure(
    rangex: Server, baseline: Server, slug: str, args: argparse.Namespace
) -> tuple[LoadResult, LoadResult]:
    ours = LoadSession(rangex, [graphql_request(slug)], concurrency=args.concurrency)
    theirs = LoadSession(baseline, [baseline_request(slug)], concurrency=args.concurrency)
    totals = {rangex.name: LoadResult(), baseline.name: LoadResult()}
    async with ours, theirs:
        for session in (ours, theirs):
            await session.phase(args.warmup)
        for round_number in range(args.rounds):
            order = (ours, theirs) if round_number % 2 == 0 else (theirs, ours)
            for session in order:
                phase = await session.phase(args.duration / args.rounds)
                totals[session.server.name].add(phase)
    return totals[rangex.name], totals[baseline.name]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per case")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--concurrency", type=int, default=10, help="requests in flight")
    parser.add_argument("--rounds", type=int, default=2, help="ABBA rounds per case")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--driver", choices=["asyncmy", "aiomysql"], default="asyncmy")
    parser.add_argument("--pool-max", type=int, default=10, help="database pool size, both")
    parser.add_argument("--skip-seed", action="store_true", help="reuse the seeded database")
    parser.add_argument("--output", default=str(RESULTS_PATH))
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    secret = secrets.token_urlsafe(48)
    settings = Settings(
        database_url=args.database_url,
        mysql_driver=MySQLDriver(args.driver),
        migrate_on_start=False,
        db_pool_max=args.pool_max,
        secret_key=secret,
    )
    print(
        f"RangeX event leaderboard benchmark: Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start"
    )
    rangex_env = {
        "RANGEX_DATABASE_URL": args.database_url,
        "RANGEX_MYSQL_DRIVER": args.driver,
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_DB_POOL_MAX": str(args.pool_max),
        "RANGEX_SECRET_KEY": secret,
        "RANGEX_LOG_LEVEL": "warning",
        "RANGEX_JOBS_ENABLED": "false",
        "RANGEX_COST_BUDGET_PER_MINUTE": str(COST_BUDGET_PER_MINUTE),
        # The baseline has no statement timeout; on a busy machine a board read queued
        # behind nine others can pass the default 5 s.
        "RANGEX_DB_STATEMENT_TIMEOUT_SECONDS": "120",
        "RANGEX_DB_READ_TIMEOUT_SECONDS": "150",
    }
    baseline_env = {
        "BENCH_DRIVER": args.driver,
        "BENCH_DATABASE_URL": args.database_url,
        "BENCH_POOL_MAX": str(args.pool_max),
        "RANGEX_SECRET_KEY": secret,
    }
    results: list[dict[str, Any]] = []
    with exclusive_database(args.database_url):
        if not args.skip_seed:
            started = time.perf_counter()
            rows = asyncio.run(seed(settings))
            print(f"seeded {args.database_url} in {time.perf_counter() - started:.1f} s: {rows}")
        results_dir = BENCH_DIR / "results"
        with ExitStack() as stack:
            rangex = stack.enter_context(
                running_server(
                    "rangex",
                    uvicorn_command("rangex_graphql.app:create_app", free_port()),
                    rangex_env,
                    results_dir / "event-leaderboard-rangex.log",
                )
            )
            baseline = stack.enter_context(
                running_server(
                    "baseline",
                    uvicorn_command(
                        "event_leaderboard:create_baseline_app", free_port(), app_dir=BENCH_DIR
                    ),
                    baseline_env,
                    results_dir / "event-leaderboard-baseline.log",
                )
            )
            for title, slug in (
                ("solo, 5,000 participants", SOLO_SLUG),
                ("teams, 1,000", TEAM_SLUG),
            ):
                print(f"({slug}) {uvloop.run(same_data(rangex, baseline, slug))}")
                ours, theirs = uvloop.run(measure(rangex, baseline, slug, args))
                ratio = ours.requests_per_second / theirs.requests_per_second
                verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
                print(
                    f"({title}) rangex {ours.requests_per_second:7.1f} req/s "
                    f"p50 {ours.percentile_ms(0.5):6.1f} ms p99 {ours.percentile_ms(0.99):6.1f} ms"
                    f" | baseline {theirs.requests_per_second:7.1f} req/s "
                    f"p50 {theirs.percentile_ms(0.5):6.1f} ms p99 {theirs.percentile_ms(0.99):6.1f}"
                    f" ms | ratio {ratio:.2f} (target {TARGET_RATIO}) {verdict}"
                )
                results.append(
                    {
                        "case": title,
                        "rangex": ours.summary(),
                        "baseline": theirs.summary(),
                        "ratio": round(ratio, 3),
                        "target": TARGET_RATIO,
                        "passed": ratio >= TARGET_RATIO,
                    }
                )
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as out:
        json.dump({"finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "cases": results}, out)
    print(f"results: {args.output}")
    return 0 if all(result["passed"] for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())

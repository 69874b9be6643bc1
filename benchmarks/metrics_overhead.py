"""What metrics cost a request, in-process: one app, its metrics switched off and on.

Seeds a SQLite database in a temporary folder, builds the app's routes on it with metrics
on, and sends the same GraphQL requests through httpx's ASGI transport, one at a time, in
ABBA rounds (off, on, on, off, ...), so that drift of the machine hits both alike. For an
"off" round the view's metrics are taken away and the statement counter's hook on
Tortoise's logger removed: the request path is then exactly the one without metrics. (Two
app instances are no fair pair: two identically built ones differed by up to 5 % in an
A/A run, the one built later being slower.) Reports the process CPU time and the wall
time per request of each, their difference, and the CPU cost of one /metrics exposition.

    .venv/bin/python benchmarks/metrics_overhead.py          # 2,000 requests per case, off and on
    .venv/bin/python benchmarks/metrics_overhead.py --requests 10000 --rounds 20
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import secrets
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from cases import DETAIL_QUERY  # benchmarks/cases.py: the script's folder is on the path
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.routing import Route
from tortoise import Tortoise

from rangex_graphql.api.http.routes import http_routes
from rangex_graphql.api.http.view import GraphQLView
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.db.migrate import apply_migrations
from rangex_graphql.models import Machine, Question, Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import (
    Difficulty,
    MachineRole,
    QuestionKind,
    UserRole,
    VersionStatus,
)
from rangex_graphql.observability.sql_statements import STATEMENT_LOGGER, count_statements
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings

CASES = {
    # No SQL: the framework's own cost per request, where the metrics' share is largest.
    "typename": "query Ping { __typename }",
    # Three statements (page with authors, count, versions) and ~60 fields.
    "catalog": "query Catalog { scenarios(first: 10) { totalCount "
    "nodes { slug title author { displayName } versions { number status } } } }",
    # http_queries.py's case (b), scenario detail: versions with machines and questions.
    "detail": DETAIL_QUERY,
}
VARIABLES = {"detail": {"slug": "scenario-0"}}
HEADERS = {"accept": "application/graphql-response+json"}


@dataclass
class Timing:
    """µs per request of each round, CPU and wall."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def per_request(self) -> tuple[float, float]:
        """The median round's µs of CPU and of wall time per request (the machine's
        other load makes some rounds slow: the median ignores them)."""
        return statistics.median(self.cpu), statistics.median(self.wall)


@dataclass
class App:
    runtime: Runtime
    client: httpx.AsyncClient
    view: GraphQLView

    def switch(self, on: bool) -> None:
        """Metrics on the request path on or off (the runtime keeps its registry)."""
        self.view.metrics = self.runtime.metrics if on else None
        if on:
            count_statements()
        else:
            logging.getLogger(STATEMENT_LOGGER).__dict__.pop("debug", None)  # Logger.debug


async def seed(scenarios: int) -> None:
    author = await User.create(
        email="author@bench.test", username="author", display_name="Author", role=UserRole.CREATOR
    )
    for n in range(scenarios):
        scenario = await Scenario.create(
            author=author,
            title=f"Scenario {n}",
            slug=f"scenario-{n}",
            description="A scenario of the metrics benchmark, long enough.",
            difficulty=Difficulty.BEGINNER,
            category="web",
        )
        version = await ScenarioVersion.create(
            scenario=scenario,
            number=1,
            status=VersionStatus.PUBLISHED,
            published_at=datetime.now(UTC),
        )
        for position in range(3):
            await Machine.create(
                version=version,
                name=f"machine-{position}",
                role=MachineRole.TARGET,
                image_ref="nginx:1.27",
                cpu=0.5,
                memory_mib=512,
                position=position,
            )
            await Question.create(
                version=version,
                prompt=f"Question {position}?",
                kind=QuestionKind.FLAG,
                points=10,
                position=position,
            )


def build(settings: Settings) -> App:
    runtime = build_runtime(
        settings, driver=SimulatedDriver(SimulatedDelays.none()), broker=MemoryBroker()
    )
    app = Starlette(routes=http_routes(settings, runtime))
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench")
    view = next(
        route.app
        for route in app.routes
        if isinstance(route, Route) and isinstance(route.app, GraphQLView)
    )
    return App(runtime, client, view)


async def send(app: App, query: str, count: int, timing: Timing) -> None:
    case = next((name for name, text in CASES.items() if text == query), None)
    body = {"query": query, "variables": VARIABLES.get(case or "", {})}
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(count):
        response = await app.client.post("/graphql", json=body, headers=HEADERS)
        if response.status_code != 200 or "errors" in response.json():
            raise RuntimeError(f"{response.status_code} {response.text[:200]}")
    timing.cpu.append(1e6 * (time.process_time() - cpu) / count)
    timing.wall.append(1e6 * (time.perf_counter() - wall) / count)


async def compare(
    app: App, query: str, requests: int, rounds: int, switch: Callable[[bool], None]
) -> tuple[Timing, Timing]:
    """(off, on), ``switch(on)`` turning what is measured off and on between rounds."""
    timings = (Timing(), Timing())
    for on in (False, True):
        switch(on)
        await send(app, query, 200, Timing())  # warm-up: plans, caches
    per_round = requests // rounds
    for turn in range(rounds):
        for on in (False, True) if turn % 2 == 0 else (True, False):
            switch(on)
            gc.collect()
            await send(app, query, per_round, timings[on])
    return timings


async def print_comparison(
    app: App, requests: int, rounds: int, switch: Callable[[bool], None]
) -> None:
    """Each case off and on (``compare``), a line each: CPU µs per request and the
    difference, wall µs beside."""
    print(f"{'case':10} {'off µs':>9} {'on µs':>9} {'Δ µs':>7} {'Δ %':>6}   (CPU; wall)")
    for case, query in CASES.items():
        off, on = await compare(app, query, requests, rounds, switch)
        (cpu_off, wall_off), (cpu_on, wall_on) = off.per_request(), on.per_request()
        print(
            f"{case:10} {cpu_off:9.1f} {cpu_on:9.1f} {cpu_on - cpu_off:7.1f} "
            f"{100 * (cpu_on - cpu_off) / cpu_off:5.1f}%   "
            f"(wall {wall_off:.1f} / {wall_on:.1f})"
        )


@asynccontextmanager
async def seeded_database(prefix: str, scenarios: int, **overrides: Any) -> AsyncIterator[Settings]:
    """Settings on a fresh SQLite database in a temporary folder (``overrides`` on top),
    migrated, seeded and open in Tortoise for the block."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite://{folder / 'bench.sqlite3'}",
        secret_key=SecretStr(secrets.token_urlsafe(48)),
        migrate_on_start=False,
        jobs_enabled=False,
        graphiql=False,
        cost_budget_per_minute=0,
        log_level="warning",
        **overrides,
    )
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    try:
        await seed(scenarios)
        yield settings
    finally:
        await Tortoise.close_connections()


def scrape_cost(app: App, repeats: int = 200) -> float:
    """µs of one exposition of the registry as it is after the runs (database gauges
    cached, as a scrape within the cache interval finds them)."""
    metrics = app.runtime.metrics
    assert metrics is not None
    groups = [object() for _ in range(1000)]  # the hub's sum over 1,000 subscriptions
    metrics.subscriptions_active.set_function(lambda: float(sum(1 for _ in groups)))
    timings = []
    for _ in range(repeats):
        started = time.process_time()
        metrics.exposition()
        timings.append(time.process_time() - started)
    return statistics.median(timings) * 1e6


async def main(arguments: argparse.Namespace) -> None:
    async with seeded_database("rangex-metrics-bench-", arguments.scenarios) as settings:
        token = SecretStr(secrets.token_urlsafe(32))
        app = build(settings.model_copy(update={"metrics_token": token}))
        print(f"{arguments.requests} requests per case, metrics off and on, ABBA rounds")
        await print_comparison(app, arguments.requests, arguments.rounds, app.switch)
        print(f"scrape: {scrape_cost(app):.0f} µs CPU per exposition (1,000 subscriptions)")
        await app.client.aclose()
        await app.runtime.aclose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per case and mode")
    parser.add_argument("--rounds", type=int, default=10, help="rounds the requests split into")
    parser.add_argument("--scenarios", type=int, default=20, help="scenarios seeded")
    asyncio.run(main(parser.parse_args()))

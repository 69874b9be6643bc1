"""Throughput of the GraphQL API against a hand-written baseline, in the same run.

Seeds a MySQL/MariaDB database, starts the API (``rangex_graphql.app:create_app``) twice,
with execution plans off and on, and the baseline (``baseline_app.py``), each a uvicorn
subprocess; checks that they answer with the same data, then loads one server at a time,
in alternating rounds, and prints requests/s, latency, SQL statements per request and the
rangex/baseline ratios, plans off and on, against the targets. See README.md.

    .venv/bin/python benchmarks/http_queries.py --duration 10 --driver both
    .venv/bin/python benchmarks/http_queries.py --execution-plans on   # one API server
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import AsyncExitStack, ExitStack, contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import uvloop
from cases import CASES, Case, Viewer
from load import ClientKind, LoadResult, LoadSession, fetch_once
from profiling import py_spy, sampling, summarize
from report import (
    PLANS_OFF,
    PLANS_ON,
    CaseResult,
    DriverRun,
    driver_comparison,
    plans_table,
    primary_mode,
    table,
    write_json,
)
from seed import SeedSummary, exclusive_database, seed
from servers import BENCH_DIR, Server, free_port, running_server, uvicorn_command
from sql_count import count_statements

from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import MySQLDriver, Settings

RESULTS_PATH = BENCH_DIR / "results" / "http_queries.json"
DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/rangex_bench"
TOKEN_MINUTES = 240  # outlives the longest run
COST_BUDGET_PER_MINUTE = 10**12
BUSY_LOAD_AVERAGE = 1.0
# Request numbers compared: distinct slugs for cases b and d; for d, a running session
# with a test run and an unlocked hint (0), ended ones (1, 199), running ones with hints
# enabled (2) and disabled (4), and no session at all (73).
VERIFY_SAMPLES = (0, 1, 2, 4, 73, 199)


class DataMismatch(RuntimeError):
    pass


def plan_modes(text: str) -> tuple[str, ...]:
    """``on``, ``off`` or both (``on,off`` in any order): the API servers to measure."""
    given = {part.strip() for part in text.split(",")}
    if not given or not given <= {PLANS_OFF, PLANS_ON}:
        raise argparse.ArgumentTypeError(f"expected on, off or on,off, not {text!r}")
    return tuple(mode for mode in (PLANS_OFF, PLANS_ON) if mode in given)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per case")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per case")
    parser.add_argument("--concurrency", type=int, default=10, help="requests in flight")
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="the duration is split in this many rounds per server, the servers taking turns "
        "forwards then backwards (ABC CBA), so that drift in the machine's load hits all alike",
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--driver", choices=["asyncmy", "aiomysql", "both"], default="asyncmy")
    parser.add_argument(
        "--client", choices=[k.value for k in ClientKind], default=ClientKind.RAW.value
    )
    parser.add_argument("--pool-max", type=int, default=10, help="database pool size, every server")
    parser.add_argument("--cases", default="abcd", help="which cases to run, e.g. 'ad'")
    parser.add_argument(
        "--execution-plans",
        type=plan_modes,
        default=(PLANS_OFF, PLANS_ON),
        metavar="on,off",
        help="RANGEX_EXECUTION_PLANS of the API servers: one server per value, both by "
        "default (off runs graphql-core's executor); the targets apply to plans on",
    )
    parser.add_argument("--output", type=Path, default=RESULTS_PATH)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="sample the API server with py-spy while it is loaded; prints where it spends "
        "its time and keeps the stacks in results/",
    )
    args = parser.parse_args(argv)
    if not 0 < args.duration <= 600 or not 0 <= args.warmup <= 60:
        parser.error("--duration must be in (0, 600] and --warmup in [0, 60]")
    if not 1 <= args.concurrency <= 200:
        parser.error("--concurrency must be between 1 and 200")
    if not 1 <= args.rounds <= 20:
        parser.error("--rounds must be between 1 and 20")
    return args


def settings_for(args: argparse.Namespace, driver: str, secret_key: str) -> Settings:
    """The API's settings, plans on (``with_plans`` switches them per server)."""
    return Settings(
        database_url=args.database_url,
        mysql_driver=MySQLDriver(driver),
        migrate_on_start=False,
        db_pool_max=args.pool_max,
        secret_key=secret_key,
        access_token_minutes=TOKEN_MINUTES,
        execution_plans=True,
    )


def with_plans(settings: Settings, mode: str) -> Settings:
    return settings.model_copy(update={"execution_plans": mode == PLANS_ON})


def server_envs(settings: Settings) -> tuple[dict[str, str], dict[str, str]]:
    secret = settings.secret_key.get_secret_value()
    rangex = {
        "RANGEX_DATABASE_URL": settings.database_url,
        "RANGEX_MYSQL_DRIVER": str(settings.mysql_driver),
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_DB_POOL_MAX": str(settings.db_pool_max),
        "RANGEX_SECRET_KEY": secret,
        "RANGEX_ACCESS_TOKEN_MINUTES": str(TOKEN_MINUTES),
        "RANGEX_LOG_LEVEL": "warning",
        # One client sends everything: a budget that never runs out, still checked.
        "RANGEX_COST_BUDGET_PER_MINUTE": str(COST_BUDGET_PER_MINUTE),
        # The seeded sessions (case d) are fixed data: the expiry, idle timeout and
        # reconciler jobs would end them in the middle of the run (the baseline has none).
        "RANGEX_JOBS_ENABLED": "false",
        "RANGEX_EXECUTION_PLANS": str(settings.execution_plans).lower(),
    }
    baseline = {
        "BENCH_DRIVER": str(settings.mysql_driver),
        "BENCH_DATABASE_URL": settings.database_url,
        "BENCH_POOL_MAX": str(settings.db_pool_max),
        "RANGEX_SECRET_KEY": secret,
    }
    return rangex, baseline


def _first_difference(ours: Any, theirs: Any, path: str = "") -> str | None:
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key in sorted(set(ours) | set(theirs)):
            if key not in ours or key not in theirs:
                return f"{path}.{key}: present on one side only"
            found = _first_difference(ours[key], theirs[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(ours, list) and isinstance(theirs, list):
        if len(ours) != len(theirs):
            return f"{path}: {len(ours)} items vs {len(theirs)}"
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            found = _first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if ours == theirs else f"{path}: {ours!r} vs {theirs!r}"


async def verify_same_data(case: Case, rangex: Server, baseline: Server, token: str | None) -> str:
    """Compare both servers' ``data`` for a few requests of ``case``; a line about it.

    The API may add ``extensions`` (the operation's cost); only ``data`` must agree.
    """
    size, cost = 0, None
    for n in VERIFY_SAMPLES[: case.request_count()]:
        answers = []
        for server, request in (
            (rangex, case.graphql_request(n, token)),
            (baseline, case.baseline_request(n, token)),
        ):
            status, body = await fetch_once(server, request)
            document = json.loads(body)
            if status != 200 or "errors" in document or not document.get("data"):
                raise DataMismatch(f"({case.key}) {server.name} answered {status}: {body[:300]!r}")
            answers.append(document)
        ours, theirs = (answer["data"] for answer in answers)
        if json.dumps(ours, sort_keys=True) != json.dumps(theirs, sort_keys=True):
            raise DataMismatch(f"({case.key}) request {n}: {_first_difference(ours, theirs)}")
        size = max(size, len(json.dumps(answers[0])))
        cost = answers[0].get("extensions", {}).get("cost", {}).get("requested", cost)
    return f"same data from both servers ({size:,} bytes of JSON, cost {cost})"


async def measure_case(
    case: Case,
    apis: dict[str, Server],
    baseline: Server,
    token: str | None,
    args: argparse.Namespace,
    profile_path: Path | None = None,
) -> tuple[dict[str, LoadResult], LoadResult]:
    """Warm every server up, then load them one at a time, forwards then backwards (plans
    off, plans on, baseline, baseline, plans on, plans off, ...), for ``args.rounds``
    rounds of ``duration / rounds`` seconds each. Returns the API's loads by mode."""
    requests = range(case.request_count())
    client = ClientKind(args.client)
    plans: dict[str, LoadSession] = {
        mode: LoadSession(
            server,
            [case.graphql_request(n, token) for n in requests],
            concurrency=args.concurrency,
            client=client,
        )
        for mode, server in apis.items()
    }
    theirs = LoadSession(
        baseline,
        [case.baseline_request(n, token) for n in requests],
        concurrency=args.concurrency,
        client=client,
    )
    sessions = [*plans.values(), theirs]
    totals = {session.server.name: LoadResult() for session in sessions}
    async with AsyncExitStack() as opened:
        for session in sessions:
            await opened.enter_async_context(session)
            await session.phase(args.warmup)
        with ExitStack() as stack:
            if profile_path is not None:  # idle time (the other servers' turns) is not sampled
                profiled = apis[primary_mode(list(apis))]
                seconds = len(sessions) * args.duration + 1
                stack.enter_context(sampling(profiled.pid, seconds, profile_path))
            for round_number in range(args.rounds):
                order = sessions if round_number % 2 == 0 else sessions[::-1]
                for session in order:
                    phase = await session.phase(args.duration / args.rounds)
                    totals[session.server.name].add(phase)
    rangex = {mode: totals[session.server.name] for mode, session in plans.items()}
    return rangex, totals[baseline.name]


@contextmanager
def api_servers(
    settings: Settings, modes: tuple[str, ...], driver: str, results_dir: Path
) -> Iterator[dict[str, Server]]:
    """One API server per execution plans mode, all on the same database and secret."""
    with ExitStack() as stack:
        servers = {}
        for mode in modes:
            env, _ = server_envs(with_plans(settings, mode))
            command = uvicorn_command("rangex_graphql.app:create_app", free_port())
            log_path = results_dir / f"rangex-plans-{mode}-{driver}.log"
            servers[mode] = stack.enter_context(
                running_server(f"rangex-plans-{mode}", command, env, log_path)
            )
        yield servers


def count_statements_by_mode(
    settings: Settings, modes: tuple[str, ...], cases: list[Case], tokens: dict[Viewer, str]
) -> dict[str, dict[str, int]]:
    """Statements per request, by case key, for each execution plans mode."""
    return {
        mode: asyncio.run(count_statements(with_plans(settings, mode), cases, tokens))
        for mode in modes
    }


def run_driver(
    args: argparse.Namespace, driver: str, summary: SeedSummary, cases: list[Case]
) -> DriverRun:
    settings = settings_for(args, driver, secrets.token_urlsafe(48))
    tokens = {
        Viewer.ADMIN: issue_access_token(settings, summary.admin_id)[0],
        Viewer.LEARNER: issue_access_token(settings, summary.learner_id)[0],
    }
    modes: tuple[str, ...] = args.execution_plans
    statements = count_statements_by_mode(settings, modes, cases, tokens)
    _, baseline_env = server_envs(settings)
    results_dir = args.output.parent
    run = DriverRun(driver, args.client, args.concurrency, args.duration, args.warmup, args.rounds)
    with ExitStack() as stack:
        apis = stack.enter_context(api_servers(settings, modes, driver, results_dir))
        baseline = stack.enter_context(
            running_server(
                "baseline",
                uvicorn_command("baseline_app:create_app", free_port(), app_dir=BENCH_DIR),
                baseline_env,
                results_dir / f"baseline-{driver}.log",
            )
        )
        started = ", ".join(f"{s.name} pid {s.pid} :{s.port}" for s in [*apis.values(), baseline])
        print(f"\n[{driver}] {started}")
        for case in cases:
            token = tokens.get(case.viewer)
            for api in apis.values():
                verdict = uvloop.run(verify_same_data(case, api, baseline, token))
                print(f"[{driver}] ({case.key}) {api.name}: {verdict}")
        for case in cases:
            profile_path = results_dir / f"pyspy-{driver}-{case.key}.txt" if args.profile else None
            rangex_loads, baseline_load = uvloop.run(
                measure_case(case, apis, baseline, tokens.get(case.viewer), args, profile_path)
            )
            named = [(f"plans {mode}", load) for mode, load in rangex_loads.items()]
            for name, load in [*named, ("baseline", baseline_load)]:
                print(f"[{driver}] ({case.key}) {name:<9} {load.requests_per_second:8.1f} req/s")
            by_mode = {mode: statements[mode][case.key] for mode in modes}
            result = CaseResult(case, rangex_loads, baseline_load, by_mode)
            if profile_path is not None:
                result.profile = summarize(profile_path)
            run.cases.append(result)
    return run


def code_version() -> str:
    """The commit the API code is at, ``+dirty`` when ``rangex_graphql/`` has local edits."""

    def git(*command: str) -> str:
        done = subprocess.run(
            ["git", *command], cwd=BENCH_DIR.parent, capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+dirty" if git("status", "--porcelain", "--", "rangex_graphql") else "")


def _stop_on_signal(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # unwinds through every `finally`, which stop the servers


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_signal)
    # Also when started with SIGINT ignored (a background job of a non-interactive shell).
    signal.signal(signal.SIGINT, _stop_on_signal)
    drivers = ["asyncmy", "aiomysql"] if args.driver == "both" else [args.driver]
    if args.profile:
        py_spy()  # fail now, not after the seeding
    cases = [case for case in CASES if case.key in args.cases]
    load_at_start = os.getloadavg()[0]
    version = code_version()
    print(
        f"RangeX HTTP benchmark: code {version}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {load_at_start:.2f} at start, "
        f"execution plans {','.join(args.execution_plans)}"
    )
    if load_at_start > BUSY_LOAD_AVERAGE:
        print("!! other processes are using the CPUs: expect noisy numbers")
    try:
        with exclusive_database(args.database_url):
            settings = settings_for(args, drivers[0], secrets.token_urlsafe(48))
            summary = asyncio.run(seed(settings))
            print(f"seeded {args.database_url} in {summary.seconds:.1f} s: {summary.rows}")
            runs = [run_driver(args, driver, summary, cases) for driver in drivers]
    except KeyboardInterrupt:
        print("interrupted: servers stopped", file=sys.stderr)
        return 130
    except DataMismatch as mismatch:
        print(f"the servers disagree, nothing was timed: {mismatch}", file=sys.stderr)
        return 2
    load_at_end = os.getloadavg()[0]
    document: dict[str, Any] = {
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "code": version,
        "database_url": args.database_url,
        "execution_plans": list(args.execution_plans),
        "load_average": {"start": load_at_start, "end": load_at_end},
        "seed_rows": summary.rows,
        "runs": [run.as_json() for run in runs],
    }
    for run in runs:
        print("\n" + table(run))
        compared = plans_table(run)
        if compared:
            print("\n" + compared)
        for result in run.cases:
            if result.profile:
                print(
                    f"\nwhere rangex (plans {result.primary}) spent its time in "
                    f"({result.case.key}), py-spy:"
                )
                print("\n".join("  " + line for line in result.profile))
    if len(runs) == 2:
        line, document["driver_comparison"] = driver_comparison(runs[0], runs[1])
        print("\n" + line)
    write_json(args.output, document)
    print(f"\nload average {load_at_start:.2f} at start, {load_at_end:.2f} at the end")
    print(f"results: {args.output}")
    return 0 if all(run.passed for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())

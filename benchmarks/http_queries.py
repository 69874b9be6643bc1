"""Throughput of the GraphQL API against a hand-written baseline, in the same run.

Seeds a MySQL/MariaDB database, starts the API (``rangex_graphql.app:create_app``) and the
baseline (``baseline_app.py``) as uvicorn subprocesses, checks that both answer with the
same data, then loads one server at a time and prints requests/s, latency, SQL statements
per request and the rangex/baseline ratio against the targets. See README.md.

    .venv/bin/python benchmarks/http_queries.py --duration 10 --driver both
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
from contextlib import ExitStack
from pathlib import Path
from types import FrameType
from typing import Any

import uvloop
from cases import CASES, Case, Viewer
from load import ClientKind, LoadResult, LoadSession, fetch_once
from profiling import py_spy, sampling, summarize
from report import CaseResult, DriverRun, driver_comparison, table, write_json
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


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per case")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per case")
    parser.add_argument("--concurrency", type=int, default=10, help="requests in flight")
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="the duration is split in this many rounds per server, in ABBA order, so that "
        "drift in the machine's load hits both servers alike",
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--driver", choices=["asyncmy", "aiomysql", "both"], default="asyncmy")
    parser.add_argument(
        "--client", choices=[k.value for k in ClientKind], default=ClientKind.RAW.value
    )
    parser.add_argument("--pool-max", type=int, default=10, help="database pool size, both")
    parser.add_argument("--cases", default="abcd", help="which cases to run, e.g. 'ad'")
    parser.add_argument(
        "--execution-plans",
        choices=["on", "off"],
        default="on",
        help="the API server's RANGEX_EXECUTION_PLANS: off runs graphql-core's executor",
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
    return Settings(
        database_url=args.database_url,
        mysql_driver=MySQLDriver(driver),
        migrate_on_start=False,
        db_pool_max=args.pool_max,
        secret_key=secret_key,
        access_token_minutes=TOKEN_MINUTES,
        execution_plans=args.execution_plans == "on",
    )


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
    rangex: Server,
    baseline: Server,
    token: str | None,
    args: argparse.Namespace,
    profile_path: Path | None = None,
) -> tuple[LoadResult, LoadResult]:
    """Warm both servers up, then load them one at a time: rangex, baseline, baseline,
    rangex, ... for ``args.rounds`` rounds of ``duration / rounds`` seconds each."""
    ours = LoadSession(
        rangex,
        [case.graphql_request(n, token) for n in range(case.request_count())],
        concurrency=args.concurrency,
        client=ClientKind(args.client),
    )
    theirs = LoadSession(
        baseline,
        [case.baseline_request(n, token) for n in range(case.request_count())],
        concurrency=args.concurrency,
        client=ClientKind(args.client),
    )
    totals = {rangex.name: LoadResult(), baseline.name: LoadResult()}
    async with ours, theirs:
        for session in (ours, theirs):
            await session.phase(args.warmup)
        with ExitStack() as stack:
            if profile_path is not None:  # idle time (the baseline's turns) is not sampled
                stack.enter_context(sampling(rangex.pid, 2 * args.duration + 1, profile_path))
            for round_number in range(args.rounds):
                order = (ours, theirs) if round_number % 2 == 0 else (theirs, ours)
                for session in order:
                    phase = await session.phase(args.duration / args.rounds)
                    totals[session.server.name].add(phase)
    return totals[rangex.name], totals[baseline.name]


def run_driver(
    args: argparse.Namespace, driver: str, summary: SeedSummary, cases: list[Case]
) -> DriverRun:
    settings = settings_for(args, driver, secrets.token_urlsafe(48))
    tokens = {
        Viewer.ADMIN: issue_access_token(settings, summary.admin_id)[0],
        Viewer.LEARNER: issue_access_token(settings, summary.learner_id)[0],
    }
    statements = asyncio.run(count_statements(settings, cases, tokens))
    rangex_env, baseline_env = server_envs(settings)
    results_dir = args.output.parent
    run = DriverRun(driver, args.client, args.concurrency, args.duration, args.warmup, args.rounds)
    with ExitStack() as stack:
        rangex = stack.enter_context(
            running_server(
                "rangex",
                uvicorn_command("rangex_graphql.app:create_app", free_port()),
                rangex_env,
                results_dir / f"rangex-{driver}.log",
            )
        )
        baseline = stack.enter_context(
            running_server(
                "baseline",
                uvicorn_command("baseline_app:create_app", free_port(), app_dir=BENCH_DIR),
                baseline_env,
                results_dir / f"baseline-{driver}.log",
            )
        )
        print(
            f"\n[{driver}] rangex pid {rangex.pid} :{rangex.port}, "
            f"baseline pid {baseline.pid} :{baseline.port}"
        )
        for case in cases:
            token = tokens.get(case.viewer)
            verdict = uvloop.run(verify_same_data(case, rangex, baseline, token))
            print(f"[{driver}] ({case.key}) {verdict}")
        for case in cases:
            profile_path = results_dir / f"pyspy-{driver}-{case.key}.txt" if args.profile else None
            rangex_load, baseline_load = uvloop.run(
                measure_case(case, rangex, baseline, tokens.get(case.viewer), args, profile_path)
            )
            for name, load in (("rangex", rangex_load), ("baseline", baseline_load)):
                print(f"[{driver}] ({case.key}) {name:<8} {load.requests_per_second:8.1f} req/s")
            result = CaseResult(case, rangex_load, baseline_load, statements[case.key])
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
        f"execution plans {args.execution_plans}"
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
    document: dict[str, Any] = {
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "code": version,
        "database_url": args.database_url,
        "execution_plans": args.execution_plans,
        "load_average": {"start": load_at_start, "end": os.getloadavg()[0]},
        "seed_rows": summary.rows,
        "runs": [run.as_json() for run in runs],
    }
    for run in runs:
        print("\n" + table(run))
        for result in run.cases:
            if result.profile:
                print(f"\nwhere rangex spent its time in ({result.case.key}), py-spy:")
                print("\n".join("  " + line for line in result.profile))
    if len(runs) == 2:
        line, document["driver_comparison"] = driver_comparison(runs[0], runs[1])
        print("\n" + line)
    write_json(args.output, document)
    print(f"\nresults: {args.output}")
    return 0 if all(run.passed for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Memory one cached execution plan keeps, for each document of the HTTP benchmark.

Seeds a database as ``http_queries.py`` does (its own, ``rangex_bench_plans`` by default:
dropped and recreated), then, in this process, runs each case's requests (cases.py: every
distinct request, e.g. all 200 slugs) through the API schema's ``execute`` with plans on,
as the server would: the plan is compiled on the first request and its sub-plans when the
data first reaches them (``FieldPlan.object_plan``), so afterwards the plan is as large as
the benchmark's data makes it. Each case starts from an empty plan cache.

What is counted: what evicting the plan frees. With the plan cached, tracemalloc (on since
before the first query) takes a snapshot; then the schema's plan cache is replaced by an
empty one, the garbage collector runs, and a second snapshot is taken. The difference is
the plan's retained memory: its ``ObjectPlan``s, ``FieldPlan``s and other objects of
``rangex_graphql/api/plans``, their lists and dicts, graphql-core's ``FieldDetails``
collected for them, the completion closures, messages and bound methods made for them, and
the cache's entry. What stays when the plan goes is not counted: the schema's types and
fields, resolvers, Strawberry's field definitions, the parsed document and its AST nodes
(the parse and validation caches hold them), strings shared with those. Sizes are what
Python asked the allocator for, without the allocator's own overhead; runs repeat within
about 0.2 KB.

    .venv/bin/python benchmarks/plan_memory.py
    .venv/bin/python benchmarks/plan_memory.py --cases d --top 20
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import linecache
import os
import platform
import secrets
import sys
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from uuid import UUID

from cases import CASES, Case, Viewer
from http_queries import code_version
from seed import exclusive_database, seed
from servers import REPO_DIR
from tortoise import Tortoise

from rangex_graphql.api.context import Context, viewer_from_token
from rangex_graphql.api.schema import schema
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import MySQLDriver, Settings

DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/rangex_bench_plans"
TARGET_KB = 50.0
PLANS_PACKAGE = "rangex_graphql.api.plans"
TOKEN_MINUTES = 60


@dataclass
class PlanMemory:
    case: Case
    requests: int
    cache_entries: int
    retained_bytes: int
    instances: Counter[str]  # objects of the plans package's classes, by class name
    alive_after_eviction: int
    top_lines: list[str] = field(default_factory=list)

    @property
    def kb(self) -> float:
        return self.retained_bytes / 1024

    @property
    def passed(self) -> bool:
        return self.cache_entries == 1 and self.instances["ObjectPlan"] > 0 and self.kb <= TARGET_KB


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="recreated")
    parser.add_argument("--cases", default="abcd", help="which cases to measure, e.g. 'ad'")
    parser.add_argument(
        "--top", type=int, default=8, help="lines that allocated the largest plan (0: none)"
    )
    args = parser.parse_args(argv)
    if not any(case.key in args.cases for case in CASES):
        parser.error(f"--cases: none of {''.join(case.key for case in CASES)}")
    return args


def plan_instances() -> Counter[str]:
    """Live objects of classes defined in the plans package (plans are GC-tracked), the
    plan cache itself left out."""
    found: Counter[str] = Counter()
    cache_class = type(schema.plan_cache)
    for obj in gc.get_objects():
        kind = type(obj)
        module = getattr(kind, "__module__", None)  # a descriptor on some metaclasses
        if isinstance(module, str) and module.startswith(PLANS_PACKAGE) and kind is not cache_class:
            found[kind.__name__] += 1
    return found


def _snapshot() -> tracemalloc.Snapshot:
    for _ in range(3):  # what a finalizer let go is collected on the next pass
        if not gc.collect():
            break
    return tracemalloc.take_snapshot()


def _fresh_plan_cache() -> None:
    """An empty plan cache of the same bound: the previous one, and its plans, are dropped."""
    schema.plan_cache = type(schema.plan_cache)(maxsize=schema.plan_cache.maxsize)


async def run_requests(
    case: Case, settings: Settings, token: str | None, count: int | None = None
) -> int:
    """The first ``count`` distinct requests of ``case`` (all by default), once each, as
    the HTTP view runs them."""
    viewer = await viewer_from_token(settings, token)
    count = case.request_count() if count is None else count
    for n in range(count):
        result = await schema.execute(
            case.query,
            variable_values=case.variables(n),
            context_value=Context(settings=settings, viewer=viewer),
        )
        if result.errors:
            raise RuntimeError(f"({case.key}) request {n} failed: {result.errors}")
    return count


async def measure(case: Case, settings: Settings, token: str | None, top: int) -> PlanMemory:
    _fresh_plan_cache()
    # A full collection also empties the free lists of tuples, lists and dicts: the plan's
    # objects then come from allocations tracemalloc saw, not from blocks kept from before.
    gc.collect()
    requests = await run_requests(case, settings, token)
    # Counted first: between the snapshots, as little as possible runs (each attribute
    # lookup may evict an entry of the interpreter's method cache, freeing its name).
    entries, instances = len(schema.plan_cache), plan_instances()
    with_plan = _snapshot()
    _fresh_plan_cache()
    freed = [
        stat
        for stat in with_plan.compare_to(_snapshot(), "lineno")
        if stat.traceback[0].filename != tracemalloc.__file__  # the snapshots' own
    ]
    return PlanMemory(
        case=case,
        requests=requests,
        cache_entries=entries,
        retained_bytes=sum(stat.size_diff for stat in freed),
        instances=instances,
        alive_after_eviction=sum(plan_instances().values()),
        top_lines=[_line(stat) for stat in freed[:top]],
    )


def _line(stat: tracemalloc.StatisticDiff) -> str:
    frame = stat.traceback[0]
    path = os.path.relpath(frame.filename, REPO_DIR)
    if "site-packages/" in frame.filename:
        path = frame.filename.split("site-packages/", 1)[1]
    elif path.startswith(".."):  # the standard library
        path = frame.filename
    source = linecache.getline(frame.filename, frame.lineno).strip()
    where = f"{path}:{frame.lineno}"
    return f"{stat.size_diff / 1024:8.1f} KB  {where:<46} {source[:60]}"


async def measure_all(
    settings: Settings, tokens: dict[Viewer, str], cases: list[Case], top: int
) -> list[PlanMemory]:
    # Traced from before the first query: a block freed later and reused by a plan (free
    # lists) must be one tracemalloc saw allocated, or the plan would look smaller.
    tracemalloc.start()
    await Tortoise.init(config=tortoise_config(settings))
    try:
        unplanned = settings.model_copy(update={"execution_plans": False})
        for case in cases:  # first-use costs outside the plans (parse cache, pools) go first
            await run_requests(case, unplanned, tokens.get(case.viewer), count=1)
        return [await measure(case, settings, tokens.get(case.viewer), top) for case in cases]
    finally:
        await Tortoise.close_connections()
        tracemalloc.stop()


def _rows(result: PlanMemory) -> list[str]:
    counts = result.instances
    other = sum(counts.values()) - counts["ObjectPlan"] - counts["FieldPlan"]
    rows = [
        f"{'(' + result.case.key + ') ' + result.case.title:<38} {result.requests:>8} "
        f"{counts['ObjectPlan']:>11} {counts['FieldPlan']:>10} {other:>6} "
        f"{result.kb:>8.1f} {'<= ' + format(TARGET_KB, 'g'):>7} "
        f"{'PASS' if result.passed else 'FAIL':>6}"
    ]
    if result.cache_entries != 1 or not counts["ObjectPlan"]:
        rows.append(f"{'':<38} !! {result.cache_entries} cache entries: expected one plan")
    if result.alive_after_eviction:
        rows.append(f"{'':<38} !! {result.alive_after_eviction} plan objects outlived the cache")
    return rows


def report(results: list[PlanMemory], cache_bound: int) -> str:
    header = (
        f"{'case':<38} {'requests':>8} {'ObjectPlans':>11} {'FieldPlans':>10} "
        f"{'other':>6} {'KB/plan':>8} {'target':>7} {'result':>6}"
    )
    lines = [header, "-" * len(header)]
    for result in results:
        lines += _rows(result)
    largest = max(results, key=lambda result: result.retained_bytes)
    full = cache_bound * largest.retained_bytes / 2**20
    lines.append(
        f"\nplan cache bound (the schema's PlanCache.maxsize): {cache_bound} plans; "
        f"full of plans like ({largest.case.key}): "
        f"{cache_bound} x {largest.kb:.1f} KB = {full:.1f} MB"
    )
    others = sorted(set().union(*(r.instances for r in results)) - {"ObjectPlan", "FieldPlan"})
    if others:
        lines.append(f"other: objects of {', '.join(others)} (rangex_graphql/api/plans)")
    if largest.top_lines:
        lines.append(f"\nwhere ({largest.case.key})'s plan was allocated (tracemalloc, by line):")
        lines += ["  " + line for line in largest.top_lines]
    return "\n".join(lines)


def settings_for(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        mysql_driver=MySQLDriver.ASYNCMY,
        migrate_on_start=False,
        db_pool_max=2,
        secret_key=secrets.token_urlsafe(48),
        access_token_minutes=TOKEN_MINUTES,
        execution_plans=True,
    )


def tokens_for(settings: Settings, admin_id: UUID, learner_id: UUID) -> dict[Viewer, str]:
    return {
        Viewer.ADMIN: issue_access_token(settings, admin_id)[0],
        Viewer.LEARNER: issue_access_token(settings, learner_id)[0],
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cases = [case for case in CASES if case.key in args.cases]
    print(
        f"RangeX plan memory: code {code_version()}, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}, load average {os.getloadavg()[0]:.2f}"
    )
    settings = settings_for(args.database_url)
    with exclusive_database(args.database_url):
        summary = asyncio.run(seed(settings))
        print(f"seeded {args.database_url} in {summary.seconds:.1f} s")
        tokens = tokens_for(settings, summary.admin_id, summary.learner_id)
        results = asyncio.run(measure_all(settings, tokens, cases, args.top))
    print("\n" + report(results, schema.plan_cache.maxsize))
    return 0 if all(result.passed for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Property test: an execution plan answers every query exactly as graphql-core does.

A seeded generator (`tests/support/query_generator.py`) writes 2,000 random, valid query
operations over the whole schema: fields and nested objects, arguments taken from the
demo data so that lookups hit rows, aliases, the same field twice with other arguments,
inline fragments on `Node` and the leaderboard union, named fragments, `@include`/`@skip`
with literals and variables, variables for arguments, two operations in one document. Each
is checked as the server would (validation, depth, aliases, tokens, cost) and runs on the
demo data set as one of four viewers (anonymous, a learner, a creator, the admin) with
plans and the equality check on; a quarter run again as a signed-in viewer with every
`@include`/`@skip` variable flipped (one plan for two viewers, another for the other
selections). The equality check (`api/plans/verify.py`) compares data and errors with
graphql-core's run: a difference is a `PlanMismatch`, reported with the operation, its
variables and the viewer. Nor does the test pass vacuously: it asserts that nearly every
operation was planned, that most answered data, that some failed (errors are compared
too) and that every feature of the generator was used.

``RANGEX_PLAN_FUZZ_SEED`` replays or varies the run (the seed is printed and is part of
every failure message); ``RANGEX_PLAN_FUZZ_OPERATIONS`` changes how many operations run.

What depends on timing, not on the executor, is not held against the plan:

- Fields that follow the wall clock to the second (`EXCLUDED_FIELDS`) are not generated:
  the equality check forgives a tick between its two graphql-core runs, not one between
  the plan's run and graphql-core's.
- When an error nulls a parent, graphql-core cancels the parent's other resolvers; which
  of their errors were raised by then depends on which statement answered first, and two
  graphql-core runs differ too. So a difference the check reports is judged again on a
  fresh run of each (`Campaign.judge`): the data, and the errors outside nulled subtrees
  in any order (`settled`), must be equal; then it is counted as racy, else it fails.
- On MariaDB Tortoise's pool is narrowed to one connection for this module (the suite
  turns the check off there): with several, statements answer in any order and so do
  errors. On one, plan and graphql-core send them, and get answers, in the same order.
- Two defects of graphql-core's cancelling gather with Strawberry's DataLoader, met by
  both executors and so counted and printed, not failed: a resolver cancelled while
  awaiting a loader future cancels that future for every other resolver awaiting the same
  key, and `CancelledError` escapes `execute`; and resolver coroutines of a cancelled
  subtree are left never awaited ("coroutine ... was never awaited", `unawaited`).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    parse,
    specified_rules,
    validate,
)
from graphql.execution.executor import Executor
from strawberry.types import ExecutionResult
from tortoise import Tortoise

from rangex_graphql.api.context import Context
from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.limits import CostModel, LimitCode, operation_cost
from rangex_graphql.api.limits.document import validation_rules
from rangex_graphql.api.plans.compile import ObjectPlan
from rangex_graphql.api.plans.entry import UNPLANNED_ROOT_FIELDS, PlanCache
from rangex_graphql.api.plans.verify import MISMATCHES
from rangex_graphql.api.schema import schema
from rangex_graphql.db.config import dialect_of, tortoise_config
from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    Event,
    EventRegistration,
    EventScenario,
    Hint,
    Machine,
    Question,
    Scenario,
    ScenarioTag,
    ScenarioVersion,
    SessionMachine,
    Team,
    TeamJoinRequest,
    TeamMember,
    User,
    VersionTestRun,
)
from rangex_graphql.models.enums import SessionState, UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.seed import reset_database, seed_demo
from rangex_graphql.settings import Settings
from tests.api.graphql import viewer_of
from tests.support.query_generator import ArgumentValues, Operation, OperationGenerator
from tests.support.simulated_runtime import simulated_runtime

SEED = int(os.environ.get("RANGEX_PLAN_FUZZ_SEED", "20250301"))
OPERATIONS = int(os.environ.get("RANGEX_PLAN_FUZZ_OPERATIONS", "2000"))
RERUN_EVERY = 4  # every 4th operation runs again: next viewer, conditions flipped
MAX_DEPTH = 5  # of the generator; the server allows 10
ID_SAMPLE = 8  # global IDs per type offered to the generator

# The node types of the demo data set, by their GraphQL name.
NODE_MODELS: dict[str, Any] = {
    "User": User,
    "Scenario": Scenario,
    "ScenarioVersion": ScenarioVersion,
    "Machine": Machine,
    "Question": Question,
    "Hint": Hint,
    "EnvironmentSession": EnvironmentSession,
    "SessionMachine": SessionMachine,
    "Event": Event,
    "EventScenario": EventScenario,
    "EventRegistration": EventRegistration,
    "Team": Team,
    "TeamMember": TeamMember,
    "TeamJoinRequest": TeamJoinRequest,
    "AuditLogEntry": AuditLog,
    "VersionTestRun": VersionTestRun,
}
ID_TYPES = {
    "session.id": "EnvironmentSession",
    "versionId": "ScenarioVersion",
    "userId": "User",
    "actor": "User",
    "author": "User",
    "scenarioId": "Scenario",
    "eventId": "Event",
}
SLUG_TYPES = {"scenario": "scenarioSlug", "event": "eventSlug", "team": "teamSlug"}
# Never generated: a field with a side effect (graphql-core alone runs it), and fields that
# follow the wall clock to the second (see the module docstring).
EXCLUDED_FIELDS = frozenset(
    {
        *(f"Query.{name}" for name in UNPLANNED_ROOT_FIELDS),
        "EnvironmentSession.timeLeftSeconds",
        "User.avatarUrl",  # a link that expires: its signature holds the time
        "ScenarioVersion.coverUrl",
    }
)
LIMIT_CODES = frozenset({*LimitCode, "QUERY_TOO_COMPLEX"})
MISSING_ID = to_global_id("Scenario", "00000000-0000-4000-8000-000000000000")


class RecordingPlanCache(PlanCache):
    """A plan cache that remembers, per lookup, whether the operation got a plan."""

    def __init__(self) -> None:
        super().__init__(maxsize=4 * OPERATIONS)
        self.answers: list[bool] = []

    def plan_for(
        self, executor: Executor[Any], document: DocumentNode, operation_name: str | None
    ) -> ObjectPlan | None:
        plan = super().plan_for(executor, document, operation_name)
        self.answers.append(plan is not None)
        return plan


COUNTS = ("executions", "planned", "with_data", "with_errors", "refused", "racy", "raised")


@dataclass
class Tally:
    """What the executions of one viewer came to."""

    executions: int = 0
    planned: int = 0
    with_data: int = 0
    with_errors: int = 0
    refused: int = 0
    racy: int = 0
    raised: int = 0
    error_codes: Counter[str] = field(default_factory=Counter)

    def add(self, result: ExecutionResult, *, planned: bool) -> None:
        codes = [str((e.extensions or {}).get("code", "-")) for e in result.errors or ()]
        self.executions += 1
        self.planned += planned
        self.with_data += has_data(result.data)
        self.with_errors += bool(codes)
        self.refused += any(code in LIMIT_CODES for code in codes)
        self.error_codes.update(codes)

    def merge(self, other: Tally) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.error_codes.update(other.error_codes)

    def line(self, name: str) -> str:
        return f"{name:<10}" + "  ".join(f"{count} {getattr(self, count):4}" for count in COUNTS)


@dataclass
class Mismatch:
    viewer: str
    operation: Operation
    variables: dict[str, Any]
    messages: list[str]

    def __str__(self) -> str:
        return (
            f"as {self.viewer}, operation {self.operation.operation_name!r}, "
            f"variables {self.variables}:\n{self.operation.document}\n" + "\n".join(self.messages)
        )


@dataclass(frozen=True)
class DemoWorld:
    values: ArgumentValues
    viewers: dict[str, User | None]


@pytest.fixture(scope="module")
async def demo(orm: None, settings: Settings) -> AsyncIterator[DemoWorld]:
    """The demo data set, seeded once for this module, and what the generator draws on."""
    async with one_connection(settings):
        await reset_database()
        await seed_demo()
        rng = random.Random(SEED)
        yield DemoWorld(await argument_values(rng), await demo_viewers())
        await reset_database()


@asynccontextmanager
async def one_connection(settings: Settings) -> AsyncIterator[None]:
    """On MySQL/MariaDB, a pool of one connection meanwhile (see the module docstring)."""
    if dialect_of(settings.database_url) != "mysql":
        yield
        return
    narrow = settings.model_copy(update={"db_pool_min": 1, "db_pool_max": 1})
    await Tortoise.close_connections()
    await Tortoise.init(config=tortoise_config(narrow), _enable_global_fallback=True)
    try:
        yield
    finally:
        await Tortoise.close_connections()
        await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def argument_values(rng: random.Random) -> ArgumentValues:
    ids: dict[str, list[str]] = {}
    for type_name, model in NODE_MODELS.items():
        keys = sorted(str(pk) for pk in await model.all().values_list("id", flat=True))
        if keys:
            ids[type_name] = [to_global_id(type_name, pk) for pk in sample(rng, keys)]
    strings = {
        "scenarioSlug": await column(rng, Scenario, "slug"),
        "eventSlug": await column(rng, Event, "slug"),
        "teamSlug": await column(rng, Team, "slug"),
        "category": await column(rng, Scenario, "category"),
        "tag": await column(rng, ScenarioTag, "tag"),
        "action": await column(rng, AuditLog, "action"),
        "search": ["", "a", "web", "net", "no-such-text"],
        "DateTime": ["2024-01-01T00:00:00+00:00", "2030-01-01T00:00:00+00:00"],
        "Date": ["2024-01-01", "2024-02-01"],
    }
    for slugs in SLUG_TYPES.values():
        strings[slugs].append("no-such-slug")
    return ArgumentValues(ids, strings, ID_TYPES, SLUG_TYPES, MISSING_ID)


async def column(rng: random.Random, model: Any, name: str) -> list[str]:
    values = sorted({str(value) for value in await model.all().values_list(name, flat=True)})
    return sample(rng, values)


def sample(rng: random.Random, values: list[str]) -> list[str]:
    return rng.sample(values, min(ID_SAMPLE, len(values)))


async def demo_viewers() -> dict[str, User | None]:
    """Anonymous, the learner of the first live session, the first creator, the admin."""
    live = (
        await EnvironmentSession.filter(state__in=(SessionState.RUNNING, SessionState.PAUSED))
        .order_by("created_at", "id")
        .first()
    )
    assert live is not None
    creator = await User.filter(role=UserRole.CREATOR).order_by("username").first()
    return {
        "anonymous": None,
        "learner": await User.get(id=live.user_id),  # type: ignore[attr-defined]
        "creator": creator,
        "admin": await User.get(role=UserRole.ADMIN),
    }


def refusal(graphql_schema: GraphQLSchema, operation: Operation, settings: Settings) -> str | None:
    """Why the server would refuse the operation before running it (None: it would not)."""
    try:
        document = parse(operation.document, max_tokens=settings.max_query_tokens)
    except GraphQLError as error:
        return f"parse: {error.message}"
    rules = validation_rules(settings.max_query_depth, settings.max_query_aliases)
    errors = validate(graphql_schema, document, [*specified_rules, *rules])
    if errors:
        return f"invalid: {errors[0].message}"
    cost = operation_cost(
        graphql_schema,
        document,
        operation.operation_name,
        operation.variables,
        CostModel.from_settings(settings),
    )
    return f"cost {cost}" if cost > settings.max_query_cost else None


def valid_operations(
    settings: Settings, values: ArgumentValues
) -> tuple[list[Operation], Counter[str]]:
    """``OPERATIONS`` operations the server accepts, and why the others were dropped."""
    generator = OperationGenerator(
        schema._schema,
        values,
        random.Random(SEED),
        max_depth=MAX_DEPTH,
        max_aliases=settings.max_query_aliases,
        excluded_fields=EXCLUDED_FIELDS,
    )
    operations: list[Operation] = []
    dropped: Counter[str] = Counter()
    while len(operations) < OPERATIONS and dropped.total() < OPERATIONS:
        operation = generator.operation()
        reason = refusal(schema._schema, operation, settings)
        if reason is None:
            operations.append(operation)
        else:
            dropped[reason] += 1
    return operations, dropped


def settled(result: ExecutionResult) -> tuple[str, list[str]]:
    """What of an answer does not depend on which of several concurrently running
    resolvers failed first: the data, and the errors outside subtrees an error nulled, in
    any order."""
    errors = [
        json.dumps(error.formatted, sort_keys=True, default=str)
        for error in result.errors or ()
        if not under_null(result.data, error.path or ())
    ]
    return json.dumps(result.data, default=str), sorted(errors)


def under_null(data: Any, path: Sequence[str | int]) -> bool:
    """Whether the object holding ``path``'s field is null (or absent) in ``data``."""
    value = data
    for key in path[:-1]:
        if value is None:
            return True
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return True
    return value is None


class Raised(Exception):
    """A request raised `CancelledError` instead of answering (see the module docstring)."""


@dataclass
class Campaign:
    """Runs operations as the demo viewers and tallies what they came to."""

    settings: Settings
    runtime: Runtime
    cache: RecordingPlanCache
    viewers: dict[str, User | None]
    tallies: dict[str, Tally] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    examples: dict[str, Mismatch] = field(default_factory=dict)

    async def run(self, index: int, operation: Operation) -> None:
        names = list(self.viewers)
        await self.run_as(names[index % len(names)], operation, operation.variables)
        if index % RERUN_EVERY == 0:
            other = names[1 + index // RERUN_EVERY % (len(names) - 1)]
            await self.run_as(other, operation, operation.flipped())

    async def run_as(self, viewer: str, operation: Operation, variables: dict[str, Any]) -> None:
        tally = self.tallies.setdefault(viewer, Tally())
        recorded, lookups = len(MISMATCHES), len(self.cache.answers)
        try:
            result = await self.execute(operation, variables, viewer, self.settings)
        except Raised:
            tally.raised += 1
            self.examples.setdefault("raised", Mismatch(viewer, operation, variables, []))
            return
        tally.add(result, planned=len(self.cache.answers) > lookups and self.cache.answers[-1])
        if len(MISMATCHES) > recorded:
            found = Mismatch(viewer, operation, variables, MISMATCHES[recorded:])
            if await self.judge(found):
                del MISMATCHES[recorded:]  # racy: not a failure of the suite either
                tally.racy += 1
                self.examples.setdefault("racy", found)
            else:
                self.mismatches.append(found)

    async def judge(self, found: Mismatch) -> bool:
        """Whether a difference the check reported is racy: plan and graphql-core, run
        once more each, settle on the same answer (see `settled`)."""
        answers = []
        for plans in (True, False):
            alone = self.settings.model_copy(
                update={"execution_plans": plans, "execution_plans_verify": False}
            )
            try:
                result = await self.execute(found.operation, found.variables, found.viewer, alone)
            except Raised:
                return False
            answers.append(settled(result))
        return answers[0] == answers[1]

    async def execute(
        self, operation: Operation, variables: dict[str, Any], viewer: str, settings: Settings
    ) -> ExecutionResult:
        context = Context(
            settings=settings,
            viewer=viewer_of(self.viewers[viewer]),
            runtime=self.runtime,
            client_ip="203.0.113.7",
        )
        try:
            return await schema.execute(
                operation.document,
                variable_values=variables,
                context_value=context,
                operation_name=operation.operation_name,
            )
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the test itself is being cancelled
            raise Raised from None

    def total(self) -> Tally:
        total = Tally()
        for tally in self.tallies.values():
            total.merge(tally)
        return total

    def summary(self, operations: int, dropped: Counter[str], unawaited: int) -> str:
        total = self.total()
        return "\n".join(
            [
                f"seed {SEED} (RANGEX_PLAN_FUZZ_SEED): {operations} valid operations, "
                f"{dropped.total()} dropped, {len(self.cache)} plans cached, "
                f"{unawaited} coroutines never awaited",
                *(tally.line(name) for name, tally in self.tallies.items()),
                total.line("all"),
                f"error codes: {dict(total.error_codes.most_common())}",
                *(f"dropped: {reason}" for reason in list(dropped)[:3]),
                *(f"first {kind}: {example}" for kind, example in self.examples.items()),
            ]
        )


@contextmanager
def unawaited() -> Iterator[list[str]]:
    """The "coroutine ... was never awaited" warnings raised meanwhile, collected instead
    of failing the test (see the module docstring); anything else is passed on."""
    found: list[str] = []
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        warning = unraisable.exc_value
        if isinstance(warning, RuntimeWarning) and "was never awaited" in str(warning):
            found.append(str(warning))
        else:
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield found
    finally:
        gc.collect()  # the leftovers of the last requests, while counted here
        sys.unraisablehook = previous


FEATURES = {
    "named fragment": re.compile(r"^fragment ", re.MULTILINE),
    "inline fragment on a type": re.compile(r"\.\.\. on "),
    "alias": re.compile(r"\w_\d+: \w"),
    "@include": re.compile(r"@include"),
    "@skip": re.compile(r"@skip"),
    "condition variable": re.compile(r"\(if: \$"),
    "argument variable": re.compile(r"\w: \$v"),
    "node or nodes": re.compile(r"\bnodes?\(ids?: "),
    "two operations": re.compile(r"\nquery "),
}


def features(operations: list[Operation]) -> Counter[str]:
    """In how many operations each feature of the generator appears."""
    return Counter(
        name
        for operation in operations
        for name, pattern in FEATURES.items()
        if pattern.search(operation.document)
    )


def has_data(data: Mapping[str, Any] | None) -> bool:
    return data is not None and any(value is not None for value in data.values())


async def test_plans_answer_generated_operations_as_graphql_core(
    settings: Settings, demo: DemoWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = time.perf_counter()
    # Verify on for MariaDB too (see the module docstring); no cost budget: 2,000
    # operations a minute from one viewer would spend it.
    checked = settings.model_copy(
        update={
            "execution_plans": True,
            "execution_plans_verify": True,
            "cost_budget_per_minute": 0,
        }
    )
    cache = RecordingPlanCache()
    monkeypatch.setattr(schema, "plan_cache", cache)
    operations, dropped = valid_operations(checked, demo.values)
    with unawaited() as leftovers:
        async with simulated_runtime(checked) as runtime:
            campaign = Campaign(checked, runtime, cache, demo.viewers)
            for index, operation in enumerate(operations):
                await campaign.run(index, operation)
    used = features(operations)
    summary = "\n".join(
        [
            campaign.summary(len(operations), dropped, len(leftovers)),
            f"features (operations using each): {dict(used)}",
            f"in {time.perf_counter() - started:.1f} s",
        ]
    )
    print(summary)

    assert not campaign.mismatches, "\n\n".join(
        [f"{len(campaign.mismatches)} plan mismatch(es); {summary}"]
        + [str(mismatch) for mismatch in campaign.mismatches[:5]]
    )
    total = campaign.total()
    answered = total.executions
    assert len(operations) == OPERATIONS, summary
    assert dropped.total() <= OPERATIONS // 20, summary  # nearly every one is valid
    assert total.refused == 0, summary  # within the server's limits, as checked above
    assert total.planned >= 0.99 * answered, summary
    assert len(cache) >= 0.9 * len(operations), summary
    assert total.with_data >= 0.6 * answered, summary
    assert total.with_errors >= 0.02 * answered, summary  # errors compared too
    assert total.racy + total.raised <= 0.01 * answered, summary  # the rest compared exactly
    for name, tally in campaign.tallies.items():
        assert tally.with_data >= 0.3 * tally.executions, (name, summary)
    for feature in FEATURES:
        assert used[feature] >= 0.01 * len(operations), (feature, summary)

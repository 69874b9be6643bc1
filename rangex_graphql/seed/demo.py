"""The demo data set: a small, living platform, built in memory and then bulk-inserted.

What it holds: 1 admin (``admin@rangex.local``), 4 creators and 30 learners; 24 scenarios
in 8 categories with their version history (archived, published, and some drafts,
submissions, approvals and rejections), 2-4 machines and 3-6 questions (each with its
answer key) a version; learners' finished sessions and a few running or paused ones with
their deployed machines; a live team event (4 teams of 3) and a scheduled individual one.

Reproducible: one seeded ``random.Random`` draws every choice and every UUID, and every
date is an offset from ``now``: two runs with the same ``now`` write identical rows.

Every demo account's password is ``rangex-demo-password`` (``data.DEMO_PASSWORD``). It is
public, so a seeded database is for demonstrations only, never for real users.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.models import Model
from tortoise.transactions import in_transaction

from .. import models as m
from . import data
from .activity import DemoBuilder
from .catalog import demo_password_hash

ProgressCallback = Callable[[str, int, int], None]
"""``progress(description, steps done, steps in all)``."""

# Children first: the order to delete in; reversed, the order to insert in.
MODELS_CHILD_FIRST: list[type[Model]] = [
    m.VersionTestCheck,
    m.VersionTestRun,
    m.SimulatedMachine,  # the simulated engine's side of the live sessions
    m.AuditLog,
    m.SessionMachine,
    m.EventSolve,
    m.HintUnlock,
    m.EnvironmentSession,
    m.EventParticipant,
    m.EventRegistration,
    m.EventQuestion,
    m.EventScenario,
    m.TeamJoinRequest,
    m.TeamMember,
    m.Team,
    m.Event,
    m.VersionAsset,
    m.QuestionAnswerKey,
    m.Hint,
    m.Question,
    m.Machine,
    m.ScenarioVersion,
    m.ScenarioTag,
    m.Scenario,
    m.StoredFile,  # uploads hold their owner (RESTRICT): gone before the users
    m.ImageVariant,
    m.RegistryCredential,
    m.User,
]


@dataclass(frozen=True, slots=True)
class SeedSummary:
    """Rows written per table, and the breakdowns worth printing."""

    counts: dict[str, int]
    users_by_role: dict[str, int]
    versions_by_status: dict[str, int]
    sessions_by_state: dict[str, int]


async def database_is_empty() -> bool:
    for model in MODELS_CHILD_FIRST:
        if await model.exists():
            return False
    return True


async def reset_database() -> dict[str, int]:
    """Delete every row of the platform's tables, children first (migrations stay)."""
    deleted: dict[str, int] = {}
    async with in_transaction():
        for model in MODELS_CHILD_FIRST:
            deleted[model._meta.db_table] = await model.all().delete()
    return deleted


async def seed_demo(
    progress: ProgressCallback | None = None,
    *,
    now: datetime | None = None,
    seed: int = data.SEED,
) -> SeedSummary:
    """Insert the demo data set into the current database, in one transaction."""
    total = len(MODELS_CHILD_FIRST) + 1
    if progress:
        progress("building the demo data set", 0, total)
    demo_password_hash()  # verify it once, outside the timed inserts
    builder = DemoBuilder(random.Random(seed), now or datetime.now(UTC).replace(microsecond=0))
    builder.build()
    async with in_transaction():
        for done, model in enumerate(reversed(MODELS_CHILD_FIRST), start=1):
            rows = builder.rows[model]
            if progress:
                progress(f"inserting {len(rows)} {model._meta.db_table} rows", done, total)
            await model.bulk_create(rows, batch_size=250)
    if progress:
        progress("demo data set ready", total, total)
    return SeedSummary(
        counts={
            model._meta.db_table: len(builder.rows[model]) for model in MODELS_CHILD_FIRST[::-1]
        },
        users_by_role=_tally(str(u.role) for u in builder.rows[m.User]),
        versions_by_status=_tally(str(v.status) for v in builder.rows[m.ScenarioVersion]),
        sessions_by_state=_tally(str(s.state) for s in builder.rows[m.EnvironmentSession]),
    )


def _tally(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))

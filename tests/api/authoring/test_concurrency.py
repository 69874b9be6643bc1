"""Racing requests: the compare-and-set transitions and the row locks decide one winner.

On SQLite transactions run one at a time, so these check the outcome; on MariaDB
(RANGEX_TEST_DATABASE_URL=mysql://...) they really overlap, and the review race first
holds both reviewers after their reads, so both compare-and-sets run against SUBMITTED.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, cast

import pytest

from rangex_graphql.db.config import dialect_of
from rangex_graphql.models import AuditLog, Notification, Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import Difficulty, UserRole, VersionStatus
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring import scenarios, versions, workflow
from rangex_graphql.services.authoring.access import Actor, version_for_change
from rangex_graphql.services.authoring.spec import ScenarioSpec
from rangex_graphql.services.errors import DomainError
from rangex_graphql.settings import Settings
from tests import factories


def actor(user: User) -> Actor:
    return Actor(user.id, is_admin=user.role is UserRole.ADMIN)


async def outcomes(*calls: Awaitable[Any]) -> tuple[list[Any], list[DomainError]]:
    results = await asyncio.gather(*calls, return_exceptions=True)
    failures = [r for r in results if isinstance(r, BaseException)]
    assert all(isinstance(f, DomainError) for f in failures), failures
    successes = [r for r in results if not isinstance(r, BaseException)]
    return successes, cast("list[DomainError]", failures)


async def test_two_admins_review_one_version_at_once_and_one_wins(
    db: None, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    version = await factories.version(scenario, VersionStatus.SUBMITTED)
    first, second = await factories.user(UserRole.ADMIN), await factories.user(UserRole.ADMIN)

    if dialect_of(settings.database_url) == "mysql":
        # Both reviewers read the SUBMITTED version before either moves it.
        barrier = asyncio.Barrier(2)
        read = version_for_change

        async def read_then_wait(*args: Any, **kwargs: Any) -> Any:
            found = await read(*args, **kwargs)
            await asyncio.wait_for(barrier.wait(), timeout=10)
            return found

        monkeypatch.setattr(workflow, "version_for_change", read_then_wait)

    approve = workflow.Decision(approve=True)
    reject = workflow.Decision(approve=False, reason="Not yet.")
    wins, losses = await outcomes(
        workflow.review(actor(first), version.id, approve, SYSTEM, broker=None),
        workflow.review(actor(second), version.id, reject, SYSTEM, broker=None),
    )
    assert len(wins) == 1
    assert [(e.code, e.field) for e in losses] == [("STATUS_CONFLICT", "versionId")]
    final = await ScenarioVersion.get(id=version.id)
    assert final.status is wins[0].status
    assert final.reviewed_by_id == wins[0].reviewed_by_id  # type: ignore[attr-defined]
    assert await AuditLog.filter(action__in=["version.approve", "version.reject"]).count() == 1
    assert await Notification.filter(user_id=author.id).count() == 1


async def test_versions_created_at_once_get_distinct_numbers(db: None) -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    source = await factories.version(scenario, VersionStatus.PUBLISHED)
    created, failures = await outcomes(
        *(
            versions.create_version(actor(author), scenario.id, SYSTEM, copy_from=source.id)
            for _ in range(4)
        )
    )
    assert failures == []
    assert sorted(v.number for v in created) == [2, 3, 4, 5]


async def test_two_versions_published_at_once_leave_one_published(db: None) -> None:
    author = await factories.user(UserRole.CREATOR)
    admin = await factories.user(UserRole.ADMIN)
    scenario = await factories.scenario(author)
    await factories.version(scenario, VersionStatus.PUBLISHED)
    v2 = await factories.version(scenario, VersionStatus.APPROVED)
    v3 = await factories.version(scenario, VersionStatus.APPROVED)
    published, failures = await outcomes(
        workflow.publish(actor(admin), v2.id, SYSTEM, broker=None),
        workflow.publish(actor(author), v3.id, SYSTEM, broker=None),
    )
    assert failures == []
    assert len(published) == 2
    statuses = await ScenarioVersion.filter(scenario_id=scenario.id).order_by("number")
    assert [v.status for v in statuses].count(VersionStatus.PUBLISHED) == 1
    assert [v.status for v in statuses].count(VersionStatus.ARCHIVED) == 2


async def test_scenarios_created_at_once_with_one_title_get_distinct_slugs(db: None) -> None:
    author = await factories.user(UserRole.CREATOR)
    spec = ScenarioSpec(
        title="Race condition lab",
        description="Two requests, one slug: who wins?",
        difficulty=Difficulty.ADVANCED,
        category="web",
    )
    make: Callable[[], Awaitable[Scenario]] = lambda: scenarios.create_scenario(  # noqa: E731
        actor(author), spec, SYSTEM
    )
    created, failures = await outcomes(make(), make(), make())
    assert failures == []
    slugs = {s.slug for s in created}
    assert len(slugs) == 3
    assert "race-condition-lab" in slugs
    assert all(s.startswith("race-condition-lab") for s in slugs)

"""eventChallengeSet through its service: published versions only, pinned, in order, one
transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from rangex_graphql.models import AuditLog, EventQuestion, EventScenario, Question
from rangex_graphql.models.enums import EventStatus, UserRole, VersionStatus
from rangex_graphql.services.audit import RequestMeta
from rangex_graphql.services.authoring import workflow
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError, DomainErrors
from rangex_graphql.services.events.challenges import ChallengeChoice, set_challenges
from tests import factories

META = RequestMeta()


def codes(error: BaseException) -> set[tuple[str, str | None]]:
    assert isinstance(error, DomainError | DomainErrors)
    found = error.errors if isinstance(error, DomainErrors) else [error]
    return {(e.code.value, e.field) for e in found}


async def test_set_replaces_the_list_with_points_and_questions(db: None) -> None:
    owner = await factories.user(UserRole.CREATOR)
    event = await factories.event(EventStatus.DRAFT, created_by=owner)
    one = await factories.version(await factories.scenario(), questions=2)
    two = await factories.version(await factories.scenario(), questions=3)
    await Question.filter(version=two).update(points=25)

    await set_challenges(Actor(owner.id), event.id, [ChallengeChoice(one.id, "web")], META)
    await set_challenges(
        Actor(owner.id),
        event.id,
        [ChallengeChoice(two.id, " crypto "), ChallengeChoice(one.id, "web")],
        META,
    )

    rows = (
        await EventScenario.filter(event=event)
        .order_by("position")
        .values("version_id", "position", "category", "points")
    )
    assert rows == [
        {"version_id": two.id, "position": 0, "category": "crypto", "points": 75},
        {"version_id": one.id, "position": 1, "category": "web", "points": 20},
    ]
    questions = await EventQuestion.filter(event=event).values("initial_points", "solves")
    assert sorted(q["initial_points"] for q in questions) == [10, 10, 25, 25, 25]
    assert await AuditLog.filter(action="event.challenges").count() == 2


async def test_bad_lists_are_refused_and_the_old_list_stays(db: None) -> None:
    owner = await factories.user(UserRole.CREATOR)
    actor = Actor(owner.id)
    event = await factories.event(
        EventStatus.PUBLISHED,
        created_by=owner,
        starts_at=datetime.now(UTC) + timedelta(days=1),
        ends_at=datetime.now(UTC) + timedelta(days=2),
    )
    good = await factories.version(await factories.scenario())
    draft = await factories.version(await factories.scenario(), VersionStatus.DRAFT)
    archived = await factories.version(await factories.scenario(), VersionStatus.ARCHIVED)
    deleted_scenario = await factories.scenario(deleted_at=datetime.now(UTC))
    of_deleted = await factories.version(deleted_scenario)
    await set_challenges(actor, event.id, [ChallengeChoice(good.id)], META)

    cases = [
        ([good.id, good.id], ("DUPLICATE_CHALLENGE", "input.challenges.1.versionId")),
        ([good.id, draft.id], ("VERSION_NOT_PUBLISHED", "input.challenges.1.versionId")),
        ([archived.id], ("VERSION_NOT_PUBLISHED", "input.challenges.0.versionId")),
        ([uuid4()], ("VERSION_NOT_FOUND", "input.challenges.0.versionId")),
        ([of_deleted.id], ("VERSION_NOT_FOUND", "input.challenges.0.versionId")),
        ([uuid4() for _ in range(101)], ("TOO_MANY_CHALLENGES", "input.challenges")),
    ]
    for versions, expected in cases:
        with pytest.raises((DomainError, DomainErrors)) as raised:
            await set_challenges(actor, event.id, [ChallengeChoice(v) for v in versions], META)
        assert expected in codes(raised.value)
    with pytest.raises(DomainErrors) as long_category:
        await set_challenges(actor, event.id, [ChallengeChoice(good.id, "c" * 61)], META)
    assert codes(long_category.value) == {("INVALID_VALUE", "input.challenges.0.category")}

    assert await EventScenario.filter(event=event).values_list("version_id", flat=True) == [good.id]
    assert await AuditLog.filter(action="event.challenges").count() == 1


async def test_challenges_are_fixed_once_the_event_runs(db: None) -> None:
    owner = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario())
    event = await factories.event(EventStatus.RUNNING, created_by=owner)
    with pytest.raises(DomainError) as raised:
        await set_challenges(Actor(owner.id), event.id, [ChallengeChoice(version.id)], META)
    assert codes(raised.value) == {("STATUS_CONFLICT", "input.eventId")}
    assert await EventScenario.filter(event=event).count() == 0


async def test_a_challenge_stays_pinned_when_the_scenario_publishes_again(db: None) -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    first = await factories.version(scenario)
    event = await factories.event(EventStatus.DRAFT, created_by=author)
    await set_challenges(Actor(author.id), event.id, [ChallengeChoice(first.id)], META)

    second = await factories.version(scenario, VersionStatus.APPROVED, questions=4)
    await workflow.publish(Actor(author.id), second.id, META, broker=None)

    entry = await EventScenario.get(event=event)
    assert entry.version_id == first.id  # type: ignore[attr-defined]
    assert entry.points == 10
    assert await EventQuestion.filter(event=event).count() == 1

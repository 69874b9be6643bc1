"""Hint penalties in event scores: the leaderboard and participant_score subtract each
hint's penalty once per registration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rangex_graphql.models import (
    EnvironmentSession,
    EventQuestion,
    EventRegistration,
    HintUnlock,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import ScoringMode
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.events.leaderboard import (
    board_events,
    live_standing,
    question_values,
    standings,
)
from rangex_graphql.services.events.scoring import participant_score
from rangex_graphql.services.hints.unlock import unlock_hint
from rangex_graphql.settings import Settings
from tests import factories
from tests.hints.helpers import enable_hints, hint
from tests.support.sessions import submit

pytestmark = pytest.mark.usefixtures("db")


async def _event_session(
    who: User, version: ScenarioVersion, registration: EventRegistration
) -> EnvironmentSession:
    session = await factories.session(who, version)
    await EnvironmentSession.filter(id=session.id).update(
        event_id=registration.event_id,  # type: ignore[attr-defined]
        registration_id=registration.id,
    )
    return session


async def test_event_scores_lose_each_hint_penalty_once_per_registration(
    settings: Settings,
) -> None:
    version = await factories.version(await factories.scenario(), questions=0)
    await enable_hints(version)
    event = await factories.event(scoring_mode=ScoringMode.STATIC, first_blood_percent=0)
    entry = await factories.event_entry(event, version, points=100)
    (question,) = await factories.questions_answered_yes(version, 100)
    await EventQuestion.create(event=event, challenge=entry, question=question, initial_points=100)
    first, second = await hint(version, penalty=10), await hint(version, position=1, penalty=3)
    team = await factories.team(members=2)
    members = [m.user for m in await team.members.all().prefetch_related("user")]  # type: ignore[attr-defined]
    registration = await factories.registration(event, team_=team)
    sessions = [await _event_session(m, version, registration) for m in members]

    await submit(settings, members[0], sessions[0], question, "yes")
    for member, session in zip(members, sessions, strict=True):
        await unlock_hint(member.id, session.id, first.id, meta=SYSTEM)
    await unlock_hint(members[1].id, sessions[1].id, second.id, meta=SYSTEM)

    # Each session pays its own unlocks; the team pays each hint once: 100 - 10 - 3.
    scores = [s.score for s in await EnvironmentSession.filter(id__in=[s.id for s in sessions])]
    assert sorted(scores) == sorted([100 - 10, -10 - 3])
    assert await participant_score(event.id, registration.id) == 87
    board = (await board_events([event.id]))[event.id]
    standing = await live_standing(board, registration.id)
    assert standing is not None
    assert standing.score == 87

    # As at a cutoff before the unlocks: no penalty yet.
    early = datetime.now(UTC) - timedelta(hours=1)
    await HintUnlock.all().update(unlocked_at=datetime.now(UTC))
    values = await question_values(board, None)
    (frozen,) = await standings(board, values, early, only=registration.id)
    assert frozen.score == 0  # the solve is after the cutoff as well
    later = datetime.now(UTC) + timedelta(hours=1)
    (now,) = await standings(board, values, later, only=registration.id)
    assert now.score == 87
    assert await participant_score(event.id, registration.id, cutoff=later) == 87

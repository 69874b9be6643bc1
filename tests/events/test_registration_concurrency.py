"""Places and duplicates are exact under concurrent registrations.

Run on SQLite and on MariaDB (``RANGEX_TEST_DATABASE_URL``): on MariaDB each registration
runs on its own pooled connection at once. Every registration pauses after reading the
event, so all of them see the places left before any is taken: only the conditional
UPDATE of ``registered_count`` (and the participants' unique key) can keep them apart.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any
from uuid import UUID

import pytest

from rangex_graphql.models import Event, EventParticipant, EventRegistration, User
from rangex_graphql.models.enums import ParticipationMode, RegistrationStatus
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.events import registration as module
from rangex_graphql.services.events.registration import RegisterRequest, register
from tests import factories
from tests.events.support import META, as_actor, team_of

pytestmark = pytest.mark.usefixtures("db")
AT_ONCE = 50
PLACES_LEFT = 5


@pytest.fixture(autouse=True)
def slow_after_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    check = module._refuse_rejected

    async def check_then_pause(*args: Any) -> None:
        await check(*args)
        await asyncio.sleep(0.05)

    monkeypatch.setattr(module, "_refuse_rejected", check_then_pause)


async def attempt(runtime: Runtime, user: User, event: Event) -> str:
    try:
        await register(runtime, as_actor(user), RegisterRequest(event.id), META)
    except DomainError as refused:
        return str(refused.code)
    return "OK"


async def test_fifty_at_once_for_the_last_five_places(runtime: Runtime) -> None:
    event = await factories.event(max_participants=10)
    for _ in range(10 - PLACES_LEFT):
        assert await attempt(runtime, await factories.user(), event) == "OK"
    users = [await factories.user() for _ in range(AT_ONCE)]

    outcomes = await asyncio.gather(*(attempt(runtime, u, event) for u in users))

    assert Counter(outcomes) == {"OK": PLACES_LEFT, "EVENT_FULL": AT_ONCE - PLACES_LEFT}
    assert (await Event.get(id=event.id)).registered_count == 10
    approved = await EventRegistration.filter(
        event_id=event.id, status=RegistrationStatus.APPROVED
    ).count()
    assert approved == 10
    assert await EventParticipant.filter(event_id=event.id).count() == 10


async def test_fifty_at_once_for_exactly_five_places(runtime: Runtime) -> None:
    event = await factories.event(max_participants=PLACES_LEFT)
    users = [await factories.user() for _ in range(AT_ONCE)]

    outcomes = await asyncio.gather(*(attempt(runtime, u, event) for u in users))

    assert outcomes.count("OK") == PLACES_LEFT
    assert (await Event.get(id=event.id)).registered_count == PLACES_LEFT
    assert await EventRegistration.filter(event_id=event.id).count() == PLACES_LEFT


async def test_one_user_ten_times_at_once_is_registered_once(runtime: Runtime) -> None:
    event = await factories.event(max_participants=100)
    user = await factories.user()

    outcomes = await asyncio.gather(*(attempt(runtime, user, event) for _ in range(10)))

    assert Counter(outcomes) == {"OK": 1, "ALREADY_REGISTERED": 9}
    assert (await Event.get(id=event.id)).registered_count == 1
    assert await EventParticipant.filter(event_id=event.id, user_id=user.id).count() == 1


async def test_twenty_teams_at_once_for_the_last_three_places(runtime: Runtime) -> None:
    event = await factories.event(participation_mode=ParticipationMode.TEAM, max_participants=3)
    captains = [await factories.user() for _ in range(20)]
    teams = [await team_of(c, await factories.user(), await factories.user()) for c in captains]

    async def attempt_team(captain: User, team_id: UUID) -> str:
        try:
            await register(runtime, as_actor(captain), RegisterRequest(event.id, team_id), META)
        except DomainError as refused:
            return str(refused.code)
        return "OK"

    outcomes = await asyncio.gather(
        *(attempt_team(c, t.id) for c, t in zip(captains, teams, strict=True))
    )

    assert Counter(outcomes) == {"OK": 3, "EVENT_FULL": 17}
    assert (await Event.get(id=event.id)).registered_count == 3
    assert await EventParticipant.filter(event_id=event.id).count() == 9

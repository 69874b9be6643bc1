"""What the registration tests share: a runtime whose broker records what it publishes,
teams with a captain, and the rows a registration may have written."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from rangex_graphql.broker.protocol import Message
from rangex_graphql.models import (
    AuditLog,
    EventParticipant,
    EventRegistration,
    Team,
    TeamMember,
    User,
)
from rangex_graphql.models.enums import TeamRole
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.audit import RequestMeta
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.recording_broker import RecordingBroker
from tests.support.sessions import settle

META = RequestMeta(ip="203.0.113.9")


@asynccontextmanager
async def recording_runtime(settings: Settings, **overrides: Any) -> AsyncIterator[Runtime]:
    built = build_runtime(
        settings.model_copy(update=overrides),
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=RecordingBroker(),
    )
    try:
        yield built
        await settle(built)
    finally:
        await built.aclose()


def published(runtime: Runtime) -> list[Message]:
    broker = runtime.broker
    assert isinstance(broker, RecordingBroker)
    return [message for _, message in broker.published]


def as_actor(user: User) -> Actor:
    return Actor(id=user.id, is_admin=False)


async def team_of(captain: User, *members: User) -> Team:
    created = await factories.team()
    await TeamMember.create(team=created, user=captain, role=TeamRole.CAPTAIN)
    for member in members:
        await TeamMember.create(team=created, user=member, role=TeamRole.MEMBER)
    return created


async def written() -> tuple[int, int]:
    """(registrations, participants) in the database."""
    return await EventRegistration.all().count(), await EventParticipant.all().count()


async def audited(action: str) -> list[AuditLog]:
    return await AuditLog.filter(action=action).order_by("created_at")

"""Events with questions, participants and solves written straight to the database, for
the leaderboard tests (the solve path itself is tested with the answers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from rangex_graphql.broker import Broker
from rangex_graphql.models import (
    Event,
    EventParticipant,
    EventQuestion,
    EventRegistration,
    EventSolve,
    Question,
    Team,
    User,
)
from rangex_graphql.models.enums import EventStatus, ParticipationMode, RegistrationStatus
from rangex_graphql.services.events.scoring import Solve, publish_recorded_solve
from tests import factories

T0 = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@dataclass
class World:
    event: Event
    questions: list[Question]
    creator: User
    registrations: list[EventRegistration] = field(default_factory=list)


async def event_world(
    points: tuple[int, ...] = (100, 200, 300),
    *,
    status: EventStatus = EventStatus.RUNNING,
    participation: ParticipationMode = ParticipationMode.SOLO,
    **fields: Any,
) -> World:
    """A running event (from T0, for a day: the schedule leaves it as stored) with one
    challenge of questions worth ``points``."""
    creator = await factories.user()
    scenario = await factories.scenario(creator)
    version = await factories.version(scenario, questions=len(points), machines=0)
    event = await factories.event(
        status,
        starts_at=T0 - timedelta(hours=1),
        ends_at=datetime.now(UTC) + timedelta(days=1),
        participation_mode=participation,
        created_by=creator,
        **fields,
    )
    challenge = await factories.event_entry(event, version, points=sum(points))
    questions = list(await Question.filter(version=version).order_by("position"))
    for question, worth in zip(questions, points, strict=True):
        await EventQuestion.create(
            event=event, challenge=challenge, question=question, initial_points=worth
        )
    return World(event, questions, creator)


async def solo(
    world: World,
    user: User | None = None,
    *,
    registered: datetime | None = None,
    status: RegistrationStatus = RegistrationStatus.APPROVED,
) -> EventRegistration:
    user = user or await factories.user()
    registration = await EventRegistration.create(event=world.event, user=user, status=status)
    await EventParticipant.create(event=world.event, registration=registration, user=user)
    if registered is not None:
        await EventRegistration.filter(id=registration.id).update(created_at=registered)
        registration.created_at = registered
    world.registrations.append(registration)
    return registration


async def team_entry(world: World, team: Team, members: list[User]) -> EventRegistration:
    registration = await EventRegistration.create(event=world.event, team=team)
    for member in members:
        await EventParticipant.create(event=world.event, registration=registration, user=member)
    world.registrations.append(registration)
    return registration


async def solve(
    world: World,
    registration: EventRegistration,
    question: int,
    when: datetime,
    *,
    blood: int = 0,
    bonus: int = 0,
    user: User | None = None,
    broker: Broker | None = None,
) -> EventSolve:
    """A solve of ``world.questions[question]``, counted on its EventQuestion (and
    published, with ``broker``), as the answer path does."""
    target = world.questions[question]
    solver_id = user.id if user is not None else registration.user_id  # type: ignore[attr-defined]
    created = await EventSolve.create(
        event=world.event,
        registration=registration,
        question=target,
        user_id=solver_id,
        solved_at=when,
        blood=blood,
        bonus_points=bonus,
    )
    entry = await EventQuestion.get(event=world.event, question=target)
    await EventQuestion.filter(id=entry.id).update(solves=entry.solves + 1)
    if broker is not None:
        recorded = Solve(
            id=created.id,
            event_id=world.event.id,
            registration_id=registration.id,
            question_id=target.id,
            user_id=solver_id,
            blood=blood,
            bonus_points=bonus,
            solved_at=when,
        )
        await publish_recorded_solve(broker, recorded)
    return created

"""Small builders for test data: each returns the created model with sensible defaults."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from rangex_graphql.models import (
    EnvironmentSession,
    Event,
    EventRegistration,
    EventScenario,
    Machine,
    Question,
    QuestionAnswerKey,
    Scenario,
    ScenarioTag,
    ScenarioVersion,
    SessionMachine,
    Team,
    TeamMember,
    User,
)
from rangex_graphql.models.enums import (
    Difficulty,
    EventStatus,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    SessionState,
    UserRole,
    VersionScoringMode,
    VersionStatus,
)

_seq = itertools.count(1)


def _n() -> int:
    return next(_seq)


async def user(role: UserRole = UserRole.USER, **fields: Any) -> User:
    n = _n()
    defaults: dict[str, Any] = {
        "email": f"user{n}@example.test",
        "username": f"user{n}",
        "display_name": f"User {n}",
        "role": role,
    }
    return await User.create(**{**defaults, **fields})


async def scenario(
    author: User | None = None,
    *,
    tags: tuple[str, ...] = (),
    **fields: Any,
) -> Scenario:
    n = _n()
    author = author or await user(UserRole.CREATOR)
    defaults: dict[str, Any] = {
        "title": f"Scenario number {n}",
        "slug": f"scenario-{n}",
        "description": "A scenario used by the test suite, long enough.",
        "difficulty": Difficulty.BEGINNER,
        "category": "web",
    }
    created = await Scenario.create(author=author, **{**defaults, **fields})
    for tag in tags:
        await ScenarioTag.create(scenario=created, tag=tag)
    return created


async def version(
    of: Scenario,
    status: VersionStatus = VersionStatus.PUBLISHED,
    *,
    machines: int = 2,
    questions: int = 1,
    number: int | None = None,
    # Most tests check the points of each question: PER_QUESTION, where the model (and
    # authoring through the API) defaults to ALL_OR_NOTHING.
    scoring_mode: VersionScoringMode = VersionScoringMode.PER_QUESTION,
) -> ScenarioVersion:
    if number is None:
        number = await ScenarioVersion.filter(scenario=of).count() + 1
    created = await ScenarioVersion.create(
        scenario=of,
        number=number,
        status=status,
        published_at=datetime.now(UTC) if status is VersionStatus.PUBLISHED else None,
        scoring_mode=scoring_mode,
    )
    for i in range(machines):
        await Machine.create(
            version=created,
            name=f"m{i}",
            role=MachineRole.ATTACKER if i == 0 else MachineRole.TARGET,
            image_ref=f"rangex/image-{i}:1.0",
            cpu=0.5,
            memory_mib=1024,
            entrypoints=[
                {"protocol": "SSH", "port": 22, "exposed": True, "description": ""},
                {"protocol": "HTTP", "port": 80, "exposed": True, "description": ""},
            ],
            position=i,
        )
    for i in range(questions):
        q = await Question.create(
            version=created, prompt=f"Question {i}?", kind=QuestionKind.FLAG, points=10, position=i
        )
        await QuestionAnswerKey.create(question=q, expected=[f"FLAG{{{i}}}"])
    return created


async def questions_answered_yes(of: ScenarioVersion, *points: int) -> list[Question]:
    """Short-answer questions of ``of``, one worth each of ``points``, answered "yes"."""
    created = []
    for i, worth in enumerate(points):
        question = await Question.create(
            version=of,
            prompt=f"Question {i}?",
            kind=QuestionKind.SHORT_ANSWER,
            points=worth,
            position=i,
        )
        await QuestionAnswerKey.create(question=question, expected=["yes"])
        created.append(question)
    return created


async def session(
    owner: User, of: ScenarioVersion, state: SessionState = SessionState.RUNNING, machines: int = 0
) -> EnvironmentSession:
    now = datetime.now(UTC)
    created = await EnvironmentSession.create(
        user=owner,
        version=of,
        state=state,
        resource_profile=ResourceProfile.SMALL,
        started_at=now,
        expires_at=now + timedelta(hours=1),
    )
    for machine in (await Machine.filter(version=of).order_by("position"))[:machines]:
        await SessionMachine.create(session=created, machine=machine, address="10.0.0.2")
    return created


async def event(status: EventStatus = EventStatus.RUNNING, **fields: Any) -> Event:
    n = _n()
    now = datetime.now(UTC)
    defaults: dict[str, Any] = {
        "title": f"Event {n}",
        "slug": f"event-{n}",
        "starts_at": now,
        "ends_at": now + timedelta(days=1),
        "status": status,
    }
    return await Event.create(**{**defaults, **fields})


async def event_entry(of: Event, version_: ScenarioVersion, points: int = 100) -> EventScenario:
    return await EventScenario.create(event=of, version=version_, points=points)


async def registration(
    of: Event, *, user_: User | None = None, team_: Team | None = None
) -> EventRegistration:
    return await EventRegistration.create(event=of, user=user_, team=team_)


async def team(members: int = 0) -> Team:
    n = _n()
    created = await Team.create(name=f"Team {n}", slug=f"team-{n}")
    for _ in range(members):
        await TeamMember.create(team=created, user=await user())
    return created

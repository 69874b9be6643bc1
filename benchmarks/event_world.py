"""A running solo event for the live-leaderboard benchmark, written straight to the database.

Every participant is registered (an APPROVED ``EventRegistration`` and its
``EventParticipant``); the active ones also hold a RUNNING event session of the event's one
challenge (no engine behind it: answering needs only the row). The challenge's questions
are FLAG questions with a shared answer key, ``flag{bench-<n>}``, of different points so
the ranking keeps changing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise import Tortoise

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.db.migrate import apply_migrations
from rangex_graphql.models import (
    EnvironmentSession,
    Event,
    EventParticipant,
    EventQuestion,
    EventRegistration,
    EventScenario,
    Question,
    QuestionAnswerKey,
    Scenario,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import (
    Difficulty,
    EventStatus,
    ParticipationMode,
    QuestionKind,
    RegistrationStatus,
    ResourceProfile,
    ScoringMode,
    SessionState,
    UserRole,
    VersionStatus,
    Visibility,
)
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import Settings

BATCH = 500


@dataclass(frozen=True, slots=True)
class Player:
    """An active participant: who answers, as whom, in which session."""

    display_name: str  # unique: what the board shows of them
    registration_id: str
    token: str
    session_gid: str


@dataclass(frozen=True, slots=True)
class World:
    event_id: str
    event_gid: str
    players: list[Player]
    # (Question global ID, its flag), in the challenge's order.
    questions: list[tuple[str, str]]
    # Signed-in spectators who watch the board (not participants).
    spectator_tokens: list[str]


def flag(n: int) -> str:
    return f"flag{{bench-{n}}}"


async def seed_world(
    settings: Settings,
    *,
    participants: int,
    active: int,
    questions: int,
    spectators: int,
    scoring: ScoringMode,
) -> World:
    """Migrate the database named by ``settings`` and write the event."""
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        return await _write(settings, participants, active, questions, spectators, scoring)
    finally:
        await Tortoise.close_connections()


async def _write(
    settings: Settings,
    participants: int,
    active: int,
    question_count: int,
    spectators: int,
    scoring: ScoringMode,
) -> World:
    now = datetime.now(UTC)
    organiser = await User.create(
        email="organiser@bench.test",
        username="organiser",
        display_name="Organiser",
        role=UserRole.CREATOR,
    )
    scenario = await Scenario.create(
        slug="bench-event",
        title="Bench event challenge",
        author=organiser,
        description="",
        difficulty=Difficulty.BEGINNER,
        category="web",
    )
    version = await ScenarioVersion.create(
        scenario=scenario, number=1, status=VersionStatus.PUBLISHED
    )
    questions = [
        Question(
            version=version,
            prompt=f"Question {n}",
            kind=QuestionKind.FLAG,
            points=50 + 10 * n,
            position=n,
            max_attempts=15,
        )
        for n in range(question_count)
    ]
    await Question.bulk_create(questions, batch_size=BATCH)
    await QuestionAnswerKey.bulk_create(
        [QuestionAnswerKey(question_id=q.id, expected=[flag(n)]) for n, q in enumerate(questions)],
        batch_size=BATCH,
    )
    event = await Event.create(
        title="Live board benchmark",
        slug="live-board-benchmark",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=6),
        status=EventStatus.RUNNING,
        visibility=Visibility.PUBLIC,
        participation_mode=ParticipationMode.SOLO,
        scoring_mode=scoring,
        registered_count=participants,
        created_by=organiser,
    )
    challenge = await EventScenario.create(
        event=event, version=version, points=sum(q.points for q in questions), category="web"
    )
    await EventQuestion.bulk_create(
        [
            EventQuestion(
                event=event, challenge=challenge, question_id=q.id, initial_points=q.points
            )
            for q in questions
        ],
        batch_size=BATCH,
    )
    users = [
        User(email=f"p{n}@bench.test", username=f"p{n}", display_name=f"Player {n}")
        for n in range(participants)
    ]
    watchers = [
        User(email=f"s{n}@bench.test", username=f"s{n}", display_name=f"Spectator {n}")
        for n in range(spectators)
    ]
    await User.bulk_create(users + watchers, batch_size=BATCH)
    registrations = [
        EventRegistration(event=event, user_id=u.id, status=RegistrationStatus.APPROVED)
        for u in users
    ]
    await EventRegistration.bulk_create(registrations, batch_size=BATCH)
    entered = list(zip(users, registrations, strict=True))
    await EventParticipant.bulk_create(
        [EventParticipant(event=event, registration_id=r.id, user_id=u.id) for u, r in entered],
        batch_size=BATCH,
    )
    sessions = [
        EnvironmentSession(
            user_id=u.id,
            version=version,
            event=event,
            registration_id=r.id,
            state=SessionState.RUNNING,
            resource_profile=ResourceProfile.SMALL,
            started_at=now,
            expires_at=now + timedelta(hours=6),
            duration_minutes=360,
        )
        for u, r in entered[:active]
    ]
    await EnvironmentSession.bulk_create(sessions, batch_size=BATCH)
    players = [
        Player(
            display_name=u.display_name,
            registration_id=str(r.id),
            token=issue_access_token(settings, u.id)[0],
            session_gid=to_global_id("EnvironmentSession", s.id),
        )
        for (u, r), s in zip(entered, sessions, strict=False)
    ]
    return World(
        event_id=str(event.id),
        event_gid=to_global_id("Event", event.id),
        players=players,
        questions=[(to_global_id("Question", q.id), flag(n)) for n, q in enumerate(questions)],
        spectator_tokens=[issue_access_token(settings, w.id)[0] for w in watchers],
    )

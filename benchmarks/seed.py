"""A fresh benchmark database: the schema from the project's migrations, then the catalog.

200 public scenarios, each with 5 versions (version 5 PUBLISHED, 1-4 ARCHIVED), 4 machines
per version and 2 questions per archived version, written by 20 authors, plus one admin for
the heavy case. Each published version carries the content of a challenge page: a mission
and the other content fields, 3 to 5 questions, a version level hint and one per question;
one learner has sessions of most of them (the challenge page case): older ended ones, the
latest with machines, answers and some hints unlocked, and now and then a newer creator
test run that the page must not show.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse
from uuid import UUID, uuid5

import pymysql
from tortoise import Tortoise
from tortoise.models import Model

from rangex_graphql.db.config import tortoise_config
from rangex_graphql.db.migrate import apply_migrations
from rangex_graphql.models import (
    EnvironmentSession,
    Hint,
    HintUnlock,
    Machine,
    Question,
    Scenario,
    ScenarioVersion,
    SessionAnswer,
    SessionMachine,
    User,
)
from rangex_graphql.models.enums import (
    Difficulty,
    HintMode,
    HintUnlockCondition,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    ScenarioType,
    SessionMachineState,
    SessionState,
    UserRole,
    VersionScoringMode,
    VersionStatus,
    Visibility,
)
from rangex_graphql.settings import Settings

SCENARIOS = 200
VERSIONS_PER_SCENARIO = 5
MACHINES_PER_VERSION = 4
QUESTIONS_PER_VERSION = 2  # archived versions; published ones have 3 to 5
AUTHORS = 20
BATCH_SIZE = 1000

NAMESPACE = UUID("5b0c3f1e-8d7a-4c52-9a43-2f6f0f3b7e11")  # deterministic ids, run to run
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
DIFFICULTIES = list(Difficulty)
MACHINE_LAYOUT = (
    ("attacker", MachineRole.ATTACKER, "registry.rangex.local/kali:2025.1", 2.0, 4096),
    ("web", MachineRole.TARGET, "registry.rangex.local/targets/web:1.4", 1.0, 1024),
    ("db", MachineRole.INTERNAL, "registry.rangex.local/targets/mariadb:10.11", 0.5, 512),
    ("dns", MachineRole.SERVICE, "registry.rangex.local/services/dns:3.2", 0.25, 256),
)
ADMIN_USERNAME = "bench-admin"
LEARNER_USERNAME = "bench-learner"
ENTRYPOINTS: dict[MachineRole, list[dict[str, object]]] = {
    MachineRole.ATTACKER: [
        {"protocol": "SSH", "port": 22, "exposed": True, "description": "your shell"}
    ],
    MachineRole.TARGET: [
        {"protocol": "HTTP", "port": 80, "exposed": True, "description": "the shop"},
        {"protocol": "HTTPS", "port": 443, "exposed": True, "description": ""},
    ],
    # Internal: learners do not see it (theirs to discover); authors and admins do.
    MachineRole.INTERNAL: [
        {"protocol": "TCP", "port": 3000, "exposed": False, "description": "admin API"}
    ],
    MachineRole.SERVICE: [],
}
MISSION = (
    "## Mission\n\nThe shop's owners suspect a breach. Get a foothold on `web`, move to "
    "`db` and recover the flags. Report every step you take.\n\n" + "Notes. " * 120
)


def has_learner_session(s: int) -> bool:
    """The learner played every published version but one in ten (those show no session)."""
    return s % 10 != 3


def published_questions(s: int) -> int:
    return 3 + s % 3


@dataclass(frozen=True, slots=True)
class SeedSummary:
    seconds: float
    rows: dict[str, int]
    admin_id: UUID
    learner_id: UUID
    slugs: list[str]


def _id(kind: str, *parts: object) -> UUID:
    return uuid5(NAMESPACE, ":".join([kind, *map(str, parts)]))


def slug_of(index: int) -> str:
    return f"bench-scenario-{index:03d}"


LOCK_WAIT_SECONDS = 600


def _database_name(database_url: str) -> str:
    name = urlparse(database_url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise ValueError(f"refusing to recreate database {name!r}")
    return name


@contextmanager
def exclusive_database(database_url: str) -> Iterator[None]:
    """Hold a server-wide named lock on the benchmark database for the whole run, so two
    runs never drop the database under each other (the second waits, bounded)."""
    parsed = urlparse(database_url)
    connection = pymysql.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 3306,
        user=parsed.username or "root",
        password=parsed.password or "",
    )
    lock = f"rangex_http_bench:{_database_name(database_url)}"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT GET_LOCK(%s, %s)", (lock, LOCK_WAIT_SECONDS))
            (granted,) = cursor.fetchone() or (0,)
        if granted != 1:
            raise RuntimeError(f"another benchmark run held {lock!r} for {LOCK_WAIT_SECONDS} s")
        yield
    finally:
        connection.close()  # ends the session, which releases the lock


async def recreate_database(database_url: str) -> None:
    """DROP and CREATE the database the URL names (it must be a benchmark database)."""
    import asyncmy  # the server-level statements need a connection without a database

    parsed = urlparse(database_url)
    name = _database_name(database_url)
    connection = await asyncmy.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 3306,
        user=parsed.username or "root",
        password=parsed.password or "",
    )
    try:
        async with connection.cursor() as cursor:
            with warnings.catch_warnings(action="ignore"):  # "database doesn't exist"
                await cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
            await cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    finally:
        connection.close()


def _catalog() -> dict[type[Model], Sequence[Model]]:
    users = [
        User(
            id=_id("user", n),
            email=f"author{n}@bench.rangex.local",
            username=f"bench-author-{n:02d}",
            display_name=f"Author {n:02d}",
            role=UserRole.CREATOR,
            created_at=EPOCH,
        )
        for n in range(AUTHORS)
    ]
    users.append(
        User(
            id=_id("user", "admin"),
            email="admin@bench.rangex.local",
            username=ADMIN_USERNAME,
            display_name="Bench Admin",
            role=UserRole.ADMIN,
            created_at=EPOCH,
        )
    )
    users.append(
        User(
            id=_id("user", "learner"),
            email="learner@bench.rangex.local",
            username=LEARNER_USERNAME,
            display_name="Bench Learner",
            role=UserRole.USER,
            created_at=EPOCH,
        )
    )
    scenarios, versions, machines, questions = [], [], [], []
    hints: list[Hint] = []
    played: dict[type[Model], list[Model]] = {
        EnvironmentSession: [],
        SessionMachine: [],
        SessionAnswer: [],
        HintUnlock: [],
    }
    for s in range(SCENARIOS):
        created = EPOCH + timedelta(minutes=s)  # distinct: newest-first order is stable
        scenarios.append(
            Scenario(
                id=_id("scenario", s),
                author_id=users[s % AUTHORS].id,
                title=f"Benchmark scenario {s:03d}",
                slug=slug_of(s),
                description="A scenario seeded for the HTTP benchmark. " * 8,
                difficulty=DIFFICULTIES[s % len(DIFFICULTIES)],
                category=("web", "network", "forensics", "crypto")[s % 4],
                visibility=Visibility.PUBLIC,
                created_at=created,
            )
        )
        for number in range(1, VERSIONS_PER_SCENARIO + 1):
            published = number == VERSIONS_PER_SCENARIO
            version_id = _id("version", s, number)
            versions.append(
                ScenarioVersion(
                    id=version_id,
                    scenario_id=_id("scenario", s),
                    number=number,
                    status=VersionStatus.PUBLISHED if published else VersionStatus.ARCHIVED,
                    changelog=f"Version {number}",
                    published_at=created + timedelta(days=number),
                    archived_at=None if published else created + timedelta(days=number + 1),
                    created_at=created + timedelta(days=number),
                    **(_content(s) if published else {}),
                )
            )
            for position, (name, role, image, cpu, memory) in enumerate(MACHINE_LAYOUT):
                machines.append(
                    Machine(
                        id=_id("machine", s, number, position),
                        version_id=version_id,
                        name=name,
                        role=role,
                        image_ref=image,
                        cpu=cpu,
                        memory_mib=memory * number,
                        entrypoints=ENTRYPOINTS[role],
                        position=position,
                        created_at=created,
                    )
                )
            count = published_questions(s) if published else QUESTIONS_PER_VERSION
            for position in range(count):
                choice = published and position == 0
                questions.append(
                    Question(
                        id=_id("question", s, number, position),
                        version_id=version_id,
                        prompt=f"Question {position + 1} of scenario {s:03d} v{number}?",
                        kind=QuestionKind.SINGLE_CHOICE if choice else QuestionKind.FLAG,
                        choices=["SQL injection", "XSS", "SSRF"] if choice else [],
                        points=10 * (position + 1),
                        position=position,
                        created_at=created,
                    )
                )
            if published:
                hints.extend(_hints(s, version_id, created))
                if has_learner_session(s):
                    _learner_sessions(s, version_id, created, played)
    return {
        User: users,
        Scenario: scenarios,
        ScenarioVersion: versions,
        Machine: machines,
        Question: questions,
        Hint: hints,
        **played,
    }


def _content(s: int) -> dict[str, object]:
    """A published version's challenge page content."""
    return {
        "short_description": f"Seeded challenge {s:03d}: get in, move on, find the flags.",
        "mission": MISSION,
        "estimated_minutes": 30 + 15 * (s % 6),
        "scenario_type": ScenarioType.OPEN_LAB if s % 4 == 1 else ScenarioType.CHALLENGE,
        "learning_outcomes": ["Enumerate a web service", "Exploit an injection", "Pivot"],
        "code_of_ethics": "Attack the lab machines only. Share no flags.",
        "hint_mode": HintMode.DISABLED if s % 5 == 4 else HintMode.ENABLED,
        "scoring_mode": VersionScoringMode.PER_QUESTION
        if s % 2
        else VersionScoringMode.ALL_OR_NOTHING,
    }


def _hints(s: int, version_id: UUID, created: datetime) -> list[Hint]:
    """A version level hint (after 10 minutes), then one per question: the first after
    running time, the others after two wrong attempts."""
    number = VERSIONS_PER_SCENARIO
    found = [
        Hint(
            id=_id("hint", s, "version"),
            version_id=version_id,
            question_id=None,
            position=0,
            title="Where to start",
            body="Look at the shop's search box first.",
            unlock_condition=HintUnlockCondition.AFTER_MINUTES,
            unlock_threshold=10,
            penalty_points=5,
            created_at=created,
        )
    ]
    for position in range(published_questions(s)):
        minutes = position == 0
        found.append(
            Hint(
                id=_id("hint", s, position),
                version_id=version_id,
                question_id=_id("question", s, number, position),
                position=0,
                title=f"A nudge for question {position + 1}",
                body=f"Hint body for question {position + 1}: try the obvious first.",
                unlock_condition=HintUnlockCondition.AFTER_MINUTES
                if minutes
                else HintUnlockCondition.AFTER_WRONG_ATTEMPTS,
                unlock_threshold=0 if minutes else 2,
                penalty_points=2 + position,
                created_at=created,
            )
        )
    return found


def _learner_sessions(
    s: int, version_id: UUID, created: datetime, played: dict[type[Model], list[Model]]
) -> None:
    """The learner's sessions of a published version: ``s % 3`` older ended ones, then
    the latest (RUNNING for even ``s``, else TERMINATED) with its machines, answers and
    unlocked hints; for one version in seven a newer creator test run of the learner's."""
    learner = _id("user", "learner")
    number = VERSIONS_PER_SCENARIO
    sessions = played[EnvironmentSession]
    played_at = created + timedelta(days=30)
    for old in range(s % 3):
        start = played_at + timedelta(hours=old)
        sessions.append(
            EnvironmentSession(
                id=_id("session", s, old),
                user_id=learner,
                version_id=version_id,
                state=SessionState.TERMINATED,
                resource_profile=ResourceProfile.SMALL,
                started_at=start,
                expires_at=start + timedelta(hours=1),
                ended_at=start + timedelta(minutes=40),
                score=5,
                end_reason="user",
                created_at=start,
            )
        )
    running = s % 2 == 0
    start = played_at + timedelta(days=1)
    latest = _id("session", s, "latest")
    sessions.append(
        EnvironmentSession(
            id=latest,
            user_id=learner,
            version_id=version_id,
            state=SessionState.RUNNING if running else SessionState.TERMINATED,
            resource_profile=ResourceProfile.SMALL,
            started_at=start,
            expires_at=start + timedelta(hours=2),
            ended_at=None if running else start + timedelta(minutes=50),
            score=10 - (5 if s % 4 == 0 else 0),
            end_reason=None if running else "user",
            last_activity_at=start,
            created_at=start,
        )
    )
    if s % 7 == 0:  # a test run: never the page's latest session
        sessions.append(
            EnvironmentSession(
                id=_id("session", s, "test"),
                user_id=learner,
                version_id=version_id,
                state=SessionState.RUNNING,
                resource_profile=ResourceProfile.SMALL,
                started_at=start + timedelta(days=1),
                is_test=True,
                created_at=start + timedelta(days=1),
            )
        )
    for position, (_name, role, *_rest) in enumerate(MACHINE_LAYOUT):
        ports = (
            [{"containerPort": 22, "protocol": "tcp", "host": "127.0.0.1", "hostPort": 20000 + s}]
            if role is MachineRole.ATTACKER
            else []
        )
        played[SessionMachine].append(
            SessionMachine(
                id=_id("session-machine", s, position),
                session_id=latest,
                machine_id=_id("machine", s, number, position),
                state=SessionMachineState.RUNNING if running else SessionMachineState.STOPPED,
                address=f"10.{s // 250}.{s % 250}.{10 + position}" if running else None,
                ports=ports if running else [],
                username="learner" if role is MachineRole.ATTACKER else None,
                created_at=start,
            )
        )
    answers = played[SessionAnswer]
    answers.append(  # the first question right at the first try
        SessionAnswer(
            id=_id("answer", s, 0),
            session_id=latest,
            question_id=_id("question", s, number, 0),
            attempts=1,
            correct=True,
            points_awarded=10,
            answered_at=start + timedelta(minutes=5),
            created_at=start,
        )
    )
    answers.append(  # the second one wrong three times: its hint may be unlocked
        SessionAnswer(
            id=_id("answer", s, 1),
            session_id=latest,
            question_id=_id("question", s, number, 1),
            attempts=3,
            correct=False,
            answered_at=start + timedelta(minutes=9),
            created_at=start,
        )
    )
    if s % 4 == 0:
        played[HintUnlock].append(
            HintUnlock(
                id=_id("unlock", s, "version"),
                session_id=latest,
                hint_id=_id("hint", s, "version"),
                unlocked_at=start + timedelta(minutes=12),
                penalty_points=5,
                created_at=start,
            )
        )


async def seed(settings: Settings) -> SeedSummary:
    """Recreate ``settings.database_url`` and fill it; Tortoise is closed on return."""
    started = time.perf_counter()
    await recreate_database(settings.database_url)
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        rows: dict[str, int] = {}
        for model, instances in _catalog().items():
            await model.bulk_create(instances, batch_size=BATCH_SIZE)
            rows[model.__name__] = len(instances)
    finally:
        await Tortoise.close_connections()
    return SeedSummary(
        seconds=time.perf_counter() - started,
        rows=rows,
        admin_id=_id("user", "admin"),
        learner_id=_id("user", "learner"),
        slugs=[slug_of(s) for s in range(SCENARIOS)],
    )

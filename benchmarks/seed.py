"""A fresh benchmark database: the schema from the project's migrations, then the catalog.

200 public scenarios, each with 5 versions (version 5 PUBLISHED, 1-4 ARCHIVED), 4 machines
and 2 questions per version, written by 20 authors, plus one admin for the heavy case.
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
from rangex_graphql.models import Machine, Question, Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import (
    Difficulty,
    MachineRole,
    QuestionKind,
    UserRole,
    VersionStatus,
    Visibility,
)
from rangex_graphql.settings import Settings

SCENARIOS = 200
VERSIONS_PER_SCENARIO = 5
MACHINES_PER_VERSION = 4
QUESTIONS_PER_VERSION = 2
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


@dataclass(frozen=True, slots=True)
class SeedSummary:
    seconds: float
    rows: dict[str, int]
    admin_id: UUID
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
    scenarios, versions, machines, questions = [], [], [], []
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
                        exposed_ports=[80, 443] if role is MachineRole.TARGET else [],
                        position=position,
                        created_at=created,
                    )
                )
            for position in range(QUESTIONS_PER_VERSION):
                questions.append(
                    Question(
                        id=_id("question", s, number, position),
                        version_id=version_id,
                        prompt=f"Question {position + 1} of scenario {s:03d} v{number}?",
                        kind=QuestionKind.FLAG,
                        points=10 * (position + 1),
                        position=position,
                        created_at=created,
                    )
                )
    return {
        User: users,
        Scenario: scenarios,
        ScenarioVersion: versions,
        Machine: machines,
        Question: questions,
    }


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
        slugs=[slug_of(s) for s in range(SCENARIOS)],
    )

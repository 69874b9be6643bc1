"""What the fault benchmark runs against: its MariaDB database, seeded learners and a
published version with scored questions, ``rangex-graphql serve`` replicas that can be
killed and restarted, and a GraphQL client that sorts every answer into ok or a code.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
from servers import Server, free_port, running_server

SECRET = "faults-benchmark-secret-key-" * 3
LAB_IMAGE = "localhost/labbase:latest"
#: Points of the version's questions: powers of two, so a score names what was awarded.
QUESTION_POINTS = (1, 2, 4, 8, 16)
FLAG = "FLAG{fault-%d}"
TRANSIENT_STATES = ("REQUESTED", "PROVISIONING", "TERMINATING")
FINAL_STATES = ("TERMINATED", "EXPIRED", "FAILED")
OPERATION = re.compile(r"\{\s*(\w+)")

START = """mutation($v: ID!) { sessionStart(input: {versionId: $v, durationMinutes: 30})
  { session { id state } errors { code } } }"""
LIFECYCLE = """mutation($s: ID!) { session%s(input: {sessionId: $s})
  { session { state } errors { code } } }"""
EXTEND = """mutation($s: ID!) { sessionExtend(input: {sessionId: $s, minutes: 30})
  { session { state } errors { code } } }"""
STATE = "query($id: ID!) { node(id: $id) { ... on EnvironmentSession { state } } }"
ANSWER = """mutation($s: ID!, $q: ID!, $a: [String!]!) {
  answerSubmit(input: {session: $s, question: $q, answer: $a})
  { result { correct pointsAwarded } errors { code } } }"""


@dataclass(frozen=True, slots=True)
class Question:
    id: str  # global id
    points: int
    flag: str


@dataclass(frozen=True, slots=True)
class Seeded:
    version_id: str  # global id
    tokens: list[str]
    user_ids: list[str]
    questions: list[Question]


async def seed(database_url: str, learners: int, image: str = LAB_IMAGE) -> Seeded:
    """Recreate the database, migrate it, add learners and one published version."""
    from seed import recreate_database
    from tortoise import Tortoise

    from rangex_graphql.api.ids import to_global_id
    from rangex_graphql.db.config import tortoise_config
    from rangex_graphql.db.migrate import apply_migrations
    from rangex_graphql.models import (
        Machine,
        QuestionAnswerKey,
        Scenario,
        ScenarioVersion,
        User,
    )
    from rangex_graphql.models import (
        Question as QuestionRow,
    )
    from rangex_graphql.models.enums import (
        Difficulty,
        MachineRole,
        QuestionKind,
        UserRole,
        VersionStatus,
    )
    from rangex_graphql.security.tokens import issue_access_token
    from rangex_graphql.settings import Settings

    await recreate_database(database_url)
    settings = Settings(database_url=database_url, secret_key=SECRET, access_token_minutes=600)
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        author = await User.create(
            email="author@faults.test", username="author", display_name="A", role=UserRole.CREATOR
        )
        users = [
            await User.create(email=f"l{n}@faults.test", username=f"l{n}", display_name=f"L{n}")
            for n in range(learners)
        ]
        scenario = await Scenario.create(
            author=author,
            title="Faults",
            slug="faults",
            description="Two machines and five flags, for the fault benchmark.",
            difficulty=Difficulty.BEGINNER,
            category="web",
        )
        version = await ScenarioVersion.create(
            scenario=scenario, number=1, status=VersionStatus.PUBLISHED
        )
        for i, role in enumerate((MachineRole.ATTACKER, MachineRole.TARGET)):
            await Machine.create(
                version=version,
                name=f"m{i}",
                role=role,
                image_ref=image,
                cpu=0.25,
                memory_mib=64,
                entrypoints=[{"protocol": "HTTP", "port": 80, "exposed": True, "description": ""}]
                if i == 0
                else [],
                position=i,
            )
        questions = []
        for i, points in enumerate(QUESTION_POINTS):
            row = await QuestionRow.create(
                version=version,
                prompt=f"Flag {i}?",
                kind=QuestionKind.FLAG,
                points=points,
                position=i,
                max_attempts=100,
            )
            await QuestionAnswerKey.create(question=row, expected=[FLAG % i])
            questions.append(Question(to_global_id("Question", row.id), points, FLAG % i))
        tokens = [issue_access_token(settings, user.id)[0] for user in users]
        user_ids = [str(user.id) for user in users]
        return Seeded(to_global_id("ScenarioVersion", version.id), tokens, user_ids, questions)
    finally:
        await Tortoise.close_connections()


async def drop_database(database_url: str) -> None:
    import warnings

    import asyncmy
    from seed import _database_name

    parsed = urlparse(database_url)
    connection = await asyncmy.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 3306,
        user=parsed.username or "root",
        password=parsed.password or "",
    )
    try:
        async with connection.cursor() as cursor:
            with warnings.catch_warnings(action="ignore"):
                await cursor.execute(f"DROP DATABASE IF EXISTS `{_database_name(database_url)}`")
    finally:
        connection.close()


# -- replicas --------------------------------------------------------------------------------


def server_env(extra: dict[str, str]) -> dict[str, str]:
    for name in [n for n in os.environ if n.startswith("RANGEX_")]:
        os.environ.pop(name)  # only this run's settings reach the servers
    return {
        "RANGEX_SECRET_KEY": SECRET,
        "RANGEX_HOST": "127.0.0.1",
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_COST_BUDGET_PER_MINUTE": "0",
        "RANGEX_SESSION_MAX_PER_USER": "1000",
        "RANGEX_SESSION_STARTS_PER_HOUR": "10000",
        "RANGEX_SESSION_STARTS_PER_DAY": "100000",
        "RANGEX_WS_MAX_CONNECTIONS_PER_USER": "1000",
        "RANGEX_LOG_LEVEL": "warning",
        **extra,
    }


class Replica:
    """One ``rangex-graphql serve`` process on a fixed port: kill -9 it, start it again."""

    def __init__(self, name: str, env: dict[str, str], workdir: Path) -> None:
        self.name = name
        self.env = env
        self.workdir = workdir
        self.port = free_port()
        self.server: Server | None = None
        self._stack = ExitStack()
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Replica:
        self.starts += 1
        command = [str(Path(sys.executable).parent / "rangex-graphql"), "serve"]
        command += ["--port", str(self.port)]
        env = {**self.env, "RANGEX_PORT": str(self.port)}
        log = self.workdir / f"{self.name}-{self.starts}.log"
        self.server = self._stack.enter_context(running_server(self.name, command, env, log))
        return self

    def kill9(self) -> None:
        if self.server is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.server.pid, signal.SIGKILL)  # its own session: all of it
        self._stack.close()  # reaps the process (already dead: nothing else to stop)
        self._stack = ExitStack()
        self.server = None

    def stop(self) -> None:
        self._stack.close()
        self.server = None

    def rss_kib(self) -> int:
        assert self.server is not None
        for line in Path(f"/proc/{self.server.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0


@contextmanager
def replicas(count: int, env: dict[str, str], workdir: Path) -> Iterator[list[Replica]]:
    started = [Replica(f"replica{n}", env, workdir) for n in range(count)]
    try:
        for replica in started:
            replica.start()
        yield started
    finally:
        for replica in started:
            replica.stop()


# -- the client ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """``code`` is None when the request did what it asked; otherwise one of: a payload
    error code (typed, expected: ``payload:SESSION_BUSY``), a top-level error code
    (``graphql:SERVICE_UNAVAILABLE``), an HTTP status (``http:500``), or a transport
    failure (``transport:ReadTimeout``)."""

    code: str | None
    data: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    operation: str = ""

    @property
    def failed(self) -> bool:
        return self.code is not None and not self.code.startswith("payload:")

    @property
    def untyped(self) -> bool:
        """A failure a client cannot act on: a 5xx other than 503, or a masked error."""
        code = self.code or ""
        if code.startswith("http:5") and not code.startswith("http:503"):
            return True
        return code.endswith(("graphql:INTERNAL_SERVER_ERROR", "graphql:None"))


async def gql(
    client: httpx.AsyncClient, token: str, query: str, variables: dict[str, Any]
) -> Outcome:
    began = time.monotonic()
    outcome = await _post(client, token, query, variables)
    operation = OPERATION.search(query)
    name = operation.group(1) if operation else "?"
    return Outcome(outcome.code, outcome.data, time.monotonic() - began, name)


async def _post(
    client: httpx.AsyncClient, token: str, query: str, variables: dict[str, Any]
) -> Outcome:
    try:
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
        )
    except httpx.HTTPError as error:
        return Outcome(f"transport:{type(error).__name__}")
    try:
        body = response.json()
    except json.JSONDecodeError:
        return Outcome(f"http:{response.status_code}")
    errors = body.get("errors") if isinstance(body, dict) else None
    if errors:
        code = (errors[0].get("extensions") or {}).get("code")
        status = "" if response.status_code == 200 else f"http:{response.status_code} "
        return Outcome(f"{status}graphql:{code}")
    if response.status_code != 200:
        return Outcome(f"http:{response.status_code}")
    data = body.get("data") or {}
    payload = next(iter(data.values()), None)
    if isinstance(payload, dict) and payload.get("errors"):
        return Outcome(f"payload:{payload['errors'][0]['code']}", data)
    return Outcome(None, data)


def client(replica: Replica, timeout: float = 15.0) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=300, max_keepalive_connections=50)
    return httpx.AsyncClient(base_url=replica.url, timeout=timeout, limits=limits)


@dataclass
class Tally:
    """Requests sent and how they ended, for one fault."""

    sent: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0
    untyped_by_operation: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> Outcome:
        self.sent += 1
        self.slowest = max(self.slowest, outcome.seconds)
        if outcome.code is not None:
            self.codes[outcome.code] += 1
            if outcome.untyped:
                self.untyped_by_operation[outcome.operation] += 1
        return outcome

    @property
    def failed(self) -> int:
        return sum(n for code, n in self.codes.items() if not code.startswith("payload:"))

    @property
    def untyped(self) -> int:
        return sum(n for code, n in self.codes.items() if Outcome(code).untyped)

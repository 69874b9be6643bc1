"""Shared fixtures: the database under test, a clean slate per test, statement counting.

The suite runs against SQLite by default. ``RANGEX_TEST_DATABASE_URL=mysql://...`` runs
the whole suite against MySQL/MariaDB instead. Tests that always need MariaDB (the
migration test, for instance) take the ``mysql_url`` fixture: it uses
``RANGEX_TEST_MYSQL_URL`` (default: the local MariaDB), skips with the reason when the
server cannot be reached, and fails instead under ``CI=true``. ``redis_url`` does the
same for Redis (``RANGEX_TEST_REDIS_URL``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

# On SQLite every planned query of the suite also runs through graphql-core; a difference
# fails the request and the session (see pytest_sessionfinish). Not on MySQL: with several
# connections, resolvers that fail under one nullable parent may finish in another order
# from run to run, and graphql-core keeps the error of the first (its answer varies too).
# Set before any Settings is built.
os.environ.setdefault(
    "RANGEX_EXECUTION_PLANS_VERIFY",
    "false" if os.environ.get("RANGEX_TEST_DATABASE_URL", "").startswith("mysql") else "true",
)

from tortoise import Tortoise

from rangex_graphql import models
from rangex_graphql.api.plans.verify import MISMATCHES, verifying
from rangex_graphql.db.config import dialect_of, tortoise_config
from rangex_graphql.db.migrate import apply_migrations
from rangex_graphql.settings import Settings
from tests.support.mysql import mysql_reachable, reset_mysql_database
from tests.support.redis import redis_reachable

DEFAULT_MYSQL_URL = "mysql://root@127.0.0.1:3306/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def require_service(reason: str) -> None:
    """Skip (fail under CI=true) when a service a test needs is not there."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"required service unavailable in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def mysql_url() -> str:
    url = os.environ.get("RANGEX_TEST_MYSQL_URL", DEFAULT_MYSQL_URL)
    problem = mysql_reachable(url)
    if problem:
        require_service(f"MySQL/MariaDB at {url} unreachable: {problem}")
    return url


@pytest.fixture(scope="session")
def redis_url() -> str:
    """``RANGEX_TEST_REDIS_URL`` (default: the local Redis); skip or, in CI, fail."""
    url = os.environ.get("RANGEX_TEST_REDIS_URL", DEFAULT_REDIS_URL)
    problem = redis_reachable(url)
    if problem:
        require_service(f"Redis at {url} unreachable: {problem}")
    return url


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("RANGEX_TEST_DATABASE_URL")
    if not url:
        return f"sqlite://{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    if dialect_of(url) == "mysql":
        problem = mysql_reachable(url)
        if problem:
            require_service(f"MySQL/MariaDB at {url} unreachable: {problem}")
        reset_mysql_database(url)
    return url


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        migrate_on_start=False,
        secret_key=SecretStr("test-only-secret-key-" * 3),
    )


@pytest.fixture(scope="session")
async def orm(settings: Settings) -> AsyncIterator[None]:
    # The suite runs on the migrated schema, so a migration that diverges from the
    # models breaks every test that touches the table, not only the migration test.
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    yield
    await Tortoise.close_connections()


MODELS_CHILD_FIRST = [
    models.VersionTestCheck,
    models.VersionTestRun,
    models.HintUnlock,
    models.Hint,
    models.Notification,
    models.ScenarioRating,
    models.ScenarioFavorite,
    models.ApiToken,
    models.RefreshToken,
    models.OneTimeToken,
    models.MfaRecoveryCode,
    models.AuditLog,
    models.VersionAsset,
    models.SessionAnswer,
    models.SessionMachine,
    models.SimulatedMachine,
    models.UsageDaily,
    models.BudgetWarning,
    models.PlatformBudget,
    models.EnvironmentSession,
    models.EventRegistration,
    models.EventScenario,
    models.Event,
    models.TeamMember,
    models.Team,
    models.QuestionAnswerKey,
    models.Question,
    models.Machine,
    models.ScenarioVersion,
    models.ScenarioTag,
    models.Scenario,
    models.StoredFile,
    models.ImageVariant,
    models.RegistryCredential,
    models.User,
    models.PlatformSettingsRecord,
]


@pytest.fixture
async def db(orm: None) -> AsyncIterator[None]:
    """An empty database for each test (rows deleted child tables first)."""
    yield
    for model in MODELS_CHILD_FIRST:
        await model.all().delete()


class StatementCounter(logging.Handler):
    """Counts SQL statements Tortoise sends (its client logs each one at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if verifying.get():  # graphql-core's second run of a planned query: not the request's
            return
        message = record.getMessage()
        if message.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            self.statements.append(message)

    @property
    def count(self) -> int:
        return len(self.statements)

    def reset(self) -> None:
        self.statements.clear()


@pytest.fixture
def sql_counter() -> Iterator[StatementCounter]:
    logger = logging.getLogger("tortoise.db_client")
    counter = StatementCounter()
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A plan that answered differently from graphql-core fails the run, even where the
    test itself did not look at the answer."""
    if MISMATCHES:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"{len(MISMATCHES)} execution plan mismatch(es):", red=True)
            for mismatch in MISMATCHES[:20]:
                reporter.write_line(f"  {mismatch}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

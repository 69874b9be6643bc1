"""Applying the aerich migrations in ``migrations/models/`` to the configured database.

The server calls :func:`apply_migrations` before it initialises Tortoise for requests. The
work runs in a private ``TortoiseContext`` that is closed before returning, and under an
exclusive lock (MySQL ``GET_LOCK``, or a lock file beside the SQLite database), so two
processes starting at once take turns. Applied files are recorded in aerich's ``aerich``
table, so ``aerich history``/``heads``/``migrate`` agree with this module. How to write the
next migration: see the docstring of ``migrations/models/0_*_init.py``.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from aerich.coder import encoder
from aerich.utils import decompress_dict, import_py_file
from tortoise import BaseDBAsyncClient
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from ..settings import Settings
from .config import connection_config

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
APP = "models"  # aerich keeps an app's files in <location>/<app>/
LOCK_TIMEOUT_SECONDS = 300
_MIGRATION_FILE = re.compile(r"^(\d+)_.*\.py$")  # aerich's rule: "<number>_<anything>.py"
_MYSQL_LOCK_NAME = "LEFT(CONCAT('rangex_migrate:', DATABASE()), 64)"
_AERICH_TABLE = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'aerich'",
    "mysql": "SELECT TABLE_NAME FROM information_schema.TABLES"
    " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'aerich'",
}


def migration_files(location: Path = MIGRATIONS_DIR) -> list[Path]:
    """Every migration file, in the order aerich applies them (by leading number)."""
    numbered = [
        (int(match[1]), path)
        for path in (location / APP).glob("*.py")
        if (match := _MIGRATION_FILE.match(path.name))
    ]
    return [path for _, path in sorted(numbered)]


class MigrationsMissing(RuntimeError):
    """No migration files where the settings point: an install without its migrations."""


def migrations_location(settings: Settings, location: Path | None = None) -> Path:
    """Where the migration files are; a folder without any is an installation error."""
    found = location or settings.migrations_dir or MIGRATIONS_DIR
    if not migration_files(found):
        raise MigrationsMissing(
            f"no migration files in {found / APP}: set RANGEX_MIGRATIONS_DIR to the "
            "project's migrations/ folder"
        )
    return found


async def pending_migrations(settings: Settings, location: Path | None = None) -> list[str]:
    """Names of the migration files not yet applied to the configured database."""
    location = migrations_location(settings, location)
    async with _database(settings) as client:
        return [path.name for path in await _pending(client, location)]


async def apply_migrations(
    settings: Settings,
    progress: Callable[[str], None] | None = None,
    location: Path | None = None,
) -> list[str]:
    """Apply every pending migration; return their names (``[]`` when up to date).

    ``progress`` is called with each name just before that migration runs.
    """
    location = migrations_location(settings, location)
    applied: list[str] = []
    async with _database(settings) as client, _exclusive(client):
        for path in await _pending(client, location):
            if progress is not None:
                progress(path.name)
            await _apply(client, path)
            applied.append(path.name)
    return applied


@asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[BaseDBAsyncClient]:
    """The configured database in a Tortoise context of its own, closed on exit.

    Only aerich's model is loaded: Tortoise binds SQL to the model classes themselves, so
    initialising the app's models here would rebind them under a live app context.
    """
    connection = connection_config(settings)
    credentials = connection["credentials"]
    if connection["engine"] == "tortoise.backends.sqlite":
        if credentials["file_path"] != ":memory:":
            Path(credentials["file_path"]).parent.mkdir(parents=True, exist_ok=True)
    else:
        # One pooled connection holds the named lock while another runs the migrations.
        credentials.update(minsize=1, maxsize=2)
    config = {
        "connections": {"default": connection},
        "apps": {APP: {"models": ["aerich.models"], "default_connection": "default"}},
    }
    async with TortoiseContext() as context:
        await context.init(config=config)
        yield context.db()


async def _pending(client: BaseDBAsyncClient, location: Path) -> list[Path]:
    # Ask whether the table exists rather than catch the error of reading it: that error
    # would also hide a database that cannot be opened.
    done: set[str] = set()
    if await client.execute_query_dict(_AERICH_TABLE[client.capabilities.dialect]):
        query = f"SELECT version FROM aerich WHERE app = {_mark(client)}"
        done = {row["version"] for row in await client.execute_query_dict(query, [APP])}
    return [path for path in migration_files(location) if path.name not in done]


async def _apply(client: BaseDBAsyncClient, path: Path) -> None:
    """Run one migration and record it in ``aerich`` like ``aerich upgrade`` does."""
    module = import_py_file(path)
    if getattr(module, "RUN_IN_TRANSACTION", True):
        async with in_transaction(client.connection_name) as connection:
            await _run_script(connection, await module.upgrade(connection))
            await _record(connection, path.name, module.MODELS_STATE)
    else:
        await _run_script(client, await module.upgrade(client))
        await _record(client, path.name, module.MODELS_STATE)


async def _record(connection: BaseDBAsyncClient, name: str, models_state: str) -> None:
    mark = _mark(connection)
    await connection.execute_insert(
        f"INSERT INTO aerich (version, app, content) VALUES ({mark}, {mark}, {mark})",
        [name, APP, encoder(decompress_dict(models_state))],  # as aerich's model stores it
    )


def _mark(connection: BaseDBAsyncClient) -> str:
    return "?" if connection.capabilities.dialect == "sqlite" else "%s"


async def _run_script(connection: BaseDBAsyncClient, script: str) -> None:
    if connection.capabilities.dialect != "sqlite":
        await connection.execute_script(script)
        return
    # sqlite3's executescript() commits the open transaction first, so a failing migration
    # would leave half its statements applied: run the statements one by one instead.
    for statement in _sqlite_statements(script):
        await connection.execute_query(statement)


def _sqlite_statements(script: str) -> list[str]:
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):  # the ";" is not inside a literal or comment
            if pending.strip(" \t\r\n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \t\r\n;"):
        statements.append(pending.strip())
    return statements


@asynccontextmanager
async def _exclusive(client: BaseDBAsyncClient) -> AsyncIterator[None]:
    if client.capabilities.dialect == "mysql":
        async with _mysql_named_lock(client):
            yield
        return
    file_path = str(getattr(client, "filename", ":memory:"))
    if file_path == ":memory:":  # private to this process: nobody to wait for
        yield
        return
    async with _file_lock(Path(f"{file_path}-migrate.lock")):
        yield


@asynccontextmanager
async def _mysql_named_lock(client: BaseDBAsyncClient) -> AsyncIterator[None]:
    """Hold ``GET_LOCK`` on one pooled connection; the lock is that session's."""
    async with client.acquire_connection() as connection, connection.cursor() as cursor:
        await cursor.execute(f"SELECT GET_LOCK({_MYSQL_LOCK_NAME}, %s)", (LOCK_TIMEOUT_SECONDS,))
        (granted,) = await cursor.fetchone()
        if granted != 1:
            raise TimeoutError(
                f"another process held the migration lock for {LOCK_TIMEOUT_SECONDS} s"
            )
        try:
            yield
        finally:
            await cursor.execute(f"SELECT RELEASE_LOCK({_MYSQL_LOCK_NAME})")
            await cursor.fetchall()


@asynccontextmanager
async def _file_lock(path: Path) -> AsyncIterator[None]:
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while not _try_lock(descriptor):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} stayed locked for {LOCK_TIMEOUT_SECONDS} s")
            await asyncio.sleep(0.05)
        yield
    finally:
        os.close(descriptor)  # closing the descriptor releases the lock


def _try_lock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True

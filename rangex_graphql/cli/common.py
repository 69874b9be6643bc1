"""What every ``rangex-graphql`` command shares: its consoles, how it reports an expected
failure (one ``error:`` line, exit code 1), its settings and its database.
"""

from __future__ import annotations

import asyncio
import getpass
import sqlite3
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlsplit, urlunsplit

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from tortoise.context import TortoiseContext
from tortoise.exceptions import BaseORMException, DBConnectionError

from ..db.config import dialect_of, tortoise_config
from ..settings import Settings

T = TypeVar("T")

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)


class CliError(Exception):
    """An expected failure: reported as one line, exit code 1."""


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def _database_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [BaseORMException, sqlite3.Error, OSError]
    try:
        from pymysql.err import MySQLError as PyMySQLError  # aiomysql's driver errors

        errors.append(PyMySQLError)
    except ImportError:  # pragma: no cover - declared dependency
        pass
    try:
        from asyncmy.errors import MySQLError as AsyncmyError

        errors.append(AsyncmyError)
    except ImportError:  # pragma: no cover - declared dependency
        pass
    return tuple(errors)


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def load_settings() -> Settings:
    try:
        settings = Settings()
        dialect_of(settings.database_url)
    except ValidationError as exc:
        problems = "; ".join(
            f"RANGEX_{'_'.join(str(part) for part in e['loc']).upper()}: {e['msg']}"
            for e in exc.errors()
        )
        fail(f"invalid configuration: {problems}")
    except ValueError as exc:
        fail(f"invalid RANGEX_DATABASE_URL: {exc}")
    return settings


def run(work: Coroutine[Any, Any, T], settings: Settings) -> T:
    """Run ``work`` on a private event loop, turning expected failures into one line."""
    try:
        # A private loop (not asyncio.run) leaves the caller's current event loop alone.
        with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
            return runner.run(work)
    except CliError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except _database_errors() as exc:
        fail(f"database {redact(settings.database_url)}: {_describe(exc)}")


def _describe(exc: BaseException) -> str:
    """The driver's own words: Tortoise wraps a failed connect with the config as message."""
    if isinstance(exc, DBConnectionError) and exc.__context__ is not None:
        exc = exc.__context__
    if len(exc.args) == 2 and isinstance(exc.args[0], int) and isinstance(exc.args[1], str):
        return f"{exc.args[1]} (MySQL error {exc.args[0]})"
    return str(exc) or type(exc).__name__


@asynccontextmanager
async def database(settings: Settings) -> AsyncIterator[None]:
    """The app's models bound to the configured database, in a Tortoise context of its own."""
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(settings))
        yield


def os_user() -> str | None:
    """Who runs the command, for the audit log (None where the OS cannot say)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return None

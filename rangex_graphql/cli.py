"""The ``rangex-graphql`` command: serve, migrate, seed, export-schema, create-admin.

Configuration comes from ``RANGEX_*`` environment variables (see the README). Expected
problems (bad configuration, an unreachable database, a duplicate admin) end with one
``error:`` line on stderr and exit code 1; only bugs print a traceback.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import re
import sqlite3
import sys
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar
from urllib.parse import urlsplit, urlunsplit

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from tortoise.context import TortoiseContext
from tortoise.exceptions import BaseORMException, DBConnectionError, IntegrityError
from tortoise.transactions import in_transaction

from .cli_persisted_queries import persisted_queries_app
from .cli_scenario import scenario_app
from .db.config import dialect_of, tortoise_config
from .db.migrate import apply_migrations
from .models import AuditLog, User
from .models.enums import UserRole
from .security.keys import SecretKeyError, check_secret_key
from .security.passwords import hash_password, password_problems
from .seed import SeedSummary, database_is_empty, reset_database, seed_demo
from .seed.data import ADMIN, DEMO_PASSWORD
from .settings import Settings, get_settings

T = TypeVar("T")

ADMIN_PASSWORD_ENV = "RANGEX_ADMIN_PASSWORD"
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,29}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

app = typer.Typer(
    name="rangex-graphql",
    help="RangeX GraphQL API server: serve it, migrate and seed its database, manage admins.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals may hold passwords and secret keys
)
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


async def migrate_quietly(settings: Settings) -> list[str]:
    return await apply_migrations(settings, progress=lambda name: out.print(f"  applying {name}"))


def _version_callback(value: bool) -> None:
    if value:
        try:
            out.print(f"rangex-graphql {version('rangex-graphql')}")
        except PackageNotFoundError:
            out.print("rangex-graphql (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_version_callback),
    ] = False,
) -> None:
    """RangeX GraphQL API server."""


# --- serve -------------------------------------------------------------------------------


def _browser_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "localhost"
    return f"[{host}]" if ":" in host else host


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Listen address.", show_default="RANGEX_HOST or 127.0.0.1")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Listen port.", show_default="RANGEX_PORT or 8000"),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes.", show_default="RANGEX_WORKERS or 1"),
    ] = None,
    reload: Annotated[
        bool, typer.Option("--reload", help="Restart on code changes (development).")
    ] = False,
) -> None:
    """Apply pending migrations once, then serve the API with uvicorn."""
    import uvicorn

    from .api.http.slow_clients import uvicorn_limits

    settings = load_settings()
    host = host if host is not None else settings.host
    port = port or settings.port
    workers = workers or settings.workers
    try:
        check_secret_key(settings, host)
    except SecretKeyError as problem:
        fail(str(problem))
    # The workers' app factory checks the key against the address actually served.
    os.environ["RANGEX_HOST"] = host
    if settings.migrate_on_start:
        # Here, once, before any worker starts: N workers must not race to migrate.
        applied = run(migrate_quietly(settings), settings)
        out.print(f"applied {len(applied)} migration(s)" if applied else "database is up to date")
    # The workers (and this process, when it serves itself) must not migrate again.
    os.environ["RANGEX_MIGRATE_ON_START"] = "false"
    get_settings.cache_clear()
    if reload and workers > 1:
        err.print("note: --reload runs a single worker; --workers is ignored")
        workers = 1
    where = f"[{host}]" if ":" in host else host
    out.print(f"RangeX GraphQL listening on http://{where}:{port} ({workers} worker(s))")
    if settings.graphiql:
        out.print(f"GraphiQL: http://{_browser_host(host)}:{port}/graphql")
    uvicorn.run(
        "rangex_graphql.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        reload_dirs=[str(Path(__file__).resolve().parent)] if reload else None,
        log_level=settings.log_level.lower(),
        # The client address comes from RANGEX_TRUSTED_PROXIES only; uvicorn's own
        # X-Forwarded-For handling would trust any local peer.
        proxy_headers=False,
        # Subscriptions ping at the GraphQL protocol level (RANGEX_WS_KEEPALIVE_SECONDS);
        # compression costs ~50 KiB per idle connection, so it is opt-in.
        ws_ping_interval=None,
        ws_per_message_deflate=settings.ws_compression,
        # Slow or oversized request heads and WebSocket messages (request bodies: the app).
        **uvicorn_limits(settings),
    )


# --- migrate -----------------------------------------------------------------------------


@app.command()
def migrate() -> None:
    """Apply pending database migrations."""
    settings = load_settings()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        console=out,
        transient=True,
        disable=not out.is_terminal,
    ) as progress:
        task = progress.add_task("checking for pending migrations", total=None)

        def applying(name: str) -> None:
            progress.update(task, description=f"applying {name}")
            progress.console.print(f"  applying {escape(name)}")

        applied = run(apply_migrations(settings, progress=applying), settings)
    if applied:
        out.print(f"applied {len(applied)} migration(s): {', '.join(applied)}")
    else:
        out.print("database is up to date: no pending migrations")


# --- seed --------------------------------------------------------------------------------


async def _seed(settings: Settings, reset: bool, progress: Progress) -> SeedSummary:
    task = progress.add_task("applying migrations", total=None)
    await apply_migrations(settings)
    async with database(settings):
        if not await database_is_empty():
            if not reset:
                raise CliError(
                    "the database already holds data; `seed --demo --reset` deletes "
                    "everything in it first"
                )
            progress.update(task, description="deleting existing data")

        def report(description: str, done: int, total: int) -> None:
            progress.update(task, description=description, completed=done, total=total)

        async with in_transaction():  # reset and seed together, or neither
            if reset:
                deleted = await reset_database()
                progress.console.print(f"deleted {sum(deleted.values())} existing rows")
            return await seed_demo(report)


@app.command()
def seed(
    demo: Annotated[bool, typer.Option("--demo", help="Load the demo data set.")] = False,
    reset: Annotated[bool, typer.Option("--reset", help="Delete all existing data first.")] = False,
) -> None:
    """Fill the database with a data set (only --demo for now)."""
    if not demo:
        fail("choose a data set: --demo", 2)
    settings = load_settings()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=out,
        disable=not out.is_terminal,
    ) as progress:
        summary = run(_seed(settings, reset, progress), settings)
    table = Table(title="demo data set", show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        table.add_row(name, str(count))
    out.print(table)
    for label, tally in (
        ("users", summary.users_by_role),
        ("versions", summary.versions_by_status),
        ("sessions", summary.sessions_by_state),
    ):
        out.print(f"{label}: " + ", ".join(f"{count} {key}" for key, count in tally.items()))
    out.print(
        f"Sign in as [bold]{ADMIN[0]}[/] with the password [bold]{DEMO_PASSWORD}[/]; every "
        "demo account shares it. It is public: never use a seeded database for real users."
    )


# --- export-schema -----------------------------------------------------------------------


@app.command("export-schema")
def export_schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Write to this file, not stdout."),
    ] = None,
) -> None:
    """Print the GraphQL schema (SDL)."""
    from strawberry.printer import print_schema

    from .api.schema import schema

    sdl = print_schema(schema).rstrip("\n") + "\n"
    if output is None:
        sys.stdout.write(sdl)
        return
    try:
        output.write_text(sdl, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    err.print(f"wrote the schema to {escape(str(output))}")


# --- create-admin ------------------------------------------------------------------------


def _read_password() -> str:
    from_env = os.environ.get(ADMIN_PASSWORD_ENV)
    if not sys.stdin.isatty() and from_env:
        return from_env
    if from_env:
        err.print(f"note: {ADMIN_PASSWORD_ENV} is only read when stdin is not a terminal")
    try:
        # Hidden on a terminal; piped input (no terminal) has nothing to hide from.
        password: str = typer.prompt(
            "Password", hide_input=sys.stdin.isatty(), confirmation_prompt=True
        )
    except typer.Abort:
        fail(f"no password given: type it at the prompt, or set {ADMIN_PASSWORD_ENV}")
    return password


def _os_user() -> str | None:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return None


async def _create_admin(
    settings: Settings, email: str, username: str, display_name: str, password: str
) -> str:
    await apply_migrations(settings)
    async with database(settings):
        if await User.filter(email__iexact=email).exists():
            raise CliError(f"a user with the email {email} already exists")
        if await User.filter(username__iexact=username).exists():
            raise CliError(f"a user with the username {username} already exists")
        password_hash = await hash_password(password)
        try:
            async with in_transaction():
                user = await User.create(
                    email=email,
                    username=username,
                    display_name=display_name,
                    role=UserRole.ADMIN,
                    password_hash=password_hash,
                )
                await AuditLog.create(
                    action="user.create_admin",
                    target_type="User",
                    target_id=str(user.id),
                    data={
                        "source": "cli",
                        "email": email,
                        "username": username,
                        "os_user": _os_user(),
                    },
                )
        except IntegrityError as exc:
            raise CliError(f"a user with this email or username already exists ({exc})") from exc
        return str(user.id)


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(help="The admin's email address (sign-in name).")],
    username: Annotated[str, typer.Option(help="3-30 letters, digits, '.', '_' or '-'.")],
    display_name: Annotated[
        str | None, typer.Option(help="Name shown in the UI.", show_default="the username")
    ] = None,
) -> None:
    """Create an ADMIN user; asks for its password twice, hidden.

    When stdin is not a terminal (automation), the password is read from the
    RANGEX_ADMIN_PASSWORD environment variable instead.
    """
    email, username = email.strip().lower(), username.strip()
    display_name = (display_name or username).strip()
    if not EMAIL_PATTERN.match(email) or len(email) > 254:
        fail(f"not an email address: {email!r}")
    if not USERNAME_PATTERN.match(username):
        fail(
            "the username must be 3-30 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    if not 1 <= len(display_name) <= 100:
        fail("the display name must be 1-100 characters")
    settings = load_settings()
    password = _read_password()
    problems = password_problems(password, username=username, email=email)
    if problems:
        fail("password too weak: it " + "; it ".join(problems))
    user_id = run(_create_admin(settings, email, username, display_name, password), settings)
    out.print(f"created admin {escape(username)} <{escape(email)}> (id {user_id})")


app.add_typer(scenario_app, name="scenario")
app.add_typer(persisted_queries_app, name="persisted-queries")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

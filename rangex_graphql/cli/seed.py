"""``rangex-graphql seed --demo``: fill the database with the demo data set."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from tortoise.transactions import in_transaction

from ..db.migrate import apply_migrations
from ..seed import SeedSummary, database_is_empty, reset_database, seed_demo
from ..seed.data import ADMIN, DEMO_PASSWORD
from ..settings import Settings
from .common import CliError, database, fail, load_settings, out, run


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

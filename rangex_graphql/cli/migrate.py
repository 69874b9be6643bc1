"""``rangex-graphql migrate``: apply pending database migrations."""

from __future__ import annotations

from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn

from ..db.migrate import apply_migrations
from .common import load_settings, out, run


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

"""The ``rangex-graphql`` command: serve, migrate, seed, export-schema, create-admin, and
the ``scenario`` and ``persisted-queries`` groups; one module per command.

Configuration comes from ``RANGEX_*`` environment variables (see the README). Expected
problems (bad configuration, an unreachable database, a duplicate admin) end with one
``error:`` line on stderr and exit code 1; only bugs print a traceback.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from .common import out
from .create_admin import create_admin
from .export_schema import export_schema
from .migrate import migrate
from .persisted_queries import persisted_queries_app
from .scenario import scenario_app
from .seed import seed
from .serve import serve

app = typer.Typer(
    name="rangex-graphql",
    help="RangeX GraphQL API server: serve it, migrate and seed its database, manage admins.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals may hold passwords and secret keys
)


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


app.command()(serve)
app.command()(migrate)
app.command()(seed)
app.command("export-schema")(export_schema)
app.command("create-admin")(create_admin)
app.add_typer(scenario_app, name="scenario")
app.add_typer(persisted_queries_app, name="persisted-queries")


def main() -> None:
    app()

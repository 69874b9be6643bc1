"""``rangex-graphql export-schema``: print the GraphQL schema (SDL)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from .common import err, fail


def export_schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Write to this file, not stdout."),
    ] = None,
) -> None:
    """Print the GraphQL schema (SDL)."""
    from strawberry.printer import print_schema

    from ..api.schema import schema

    sdl = print_schema(schema).rstrip("\n") + "\n"
    if output is None:
        sys.stdout.write(sdl)
        return
    try:
        output.write_text(sdl, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    err.print(f"wrote the schema to {escape(str(output))}")

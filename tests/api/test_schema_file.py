"""``schema.graphql`` is the printed schema; a change to the code must show up there."""

from __future__ import annotations

from pathlib import Path

from strawberry.printer import print_schema

from rangex_graphql.api.schema import schema


def test_checked_in_schema_matches_the_code(repo_root: Path) -> None:
    checked_in = (repo_root / "schema.graphql").read_text()
    printed = print_schema(schema) + "\n"
    assert checked_in == printed, (
        "schema.graphql is out of date: run `rangex-graphql export-schema --output schema.graphql`"
    )

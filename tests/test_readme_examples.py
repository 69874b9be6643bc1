"""Every GraphQL example in the README is a valid document against the schema, so the
examples a newcomer pastes into GraphiQL keep working as the schema changes."""

from __future__ import annotations

import re
from pathlib import Path

from graphql import parse, validate

from rangex_graphql.api.schema import schema


def test_every_readme_example_validates(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text()
    examples = re.findall(r"```graphql\n(.*?)```", readme, re.S)
    assert len(examples) >= 5
    problems = {
        example.strip()[:60]: [error.message for error in validate(schema._schema, parse(example))]
        for example in examples
    }
    assert {start: found for start, found in problems.items() if found} == {}

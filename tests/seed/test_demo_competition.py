"""The demo's live event as a newcomer meets it in GraphiQL: the queries of
docs/competitions.md run as written against ``seed --demo`` and show a frozen DYNAMIC
board with bloods to the public, and the live truth to the organiser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import parse, validate

from rangex_graphql.api.schema import schema
from rangex_graphql.models import User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.seed import seed_demo
from rangex_graphql.settings import Settings
from tests.api.graphql import data_of, run

pytestmark = pytest.mark.usefixtures("db")

DOC = Path(__file__).resolve().parents[2] / "docs" / "competitions.md"


def doc_examples() -> list[str]:
    return re.findall(r"```graphql\n(.*?)```", DOC.read_text(), re.S)


def test_every_example_of_the_doc_is_valid_against_the_schema() -> None:
    examples = doc_examples()
    assert len(examples) >= 2
    for example in examples:
        errors = validate(schema._schema, parse(example.replace('"..."', '"RXZlbnQ6MQ=="')))
        assert not errors, (example, errors)


async def test_the_doc_board_query_shows_the_demo_event_frozen_and_the_truth_to_admins(
    settings: Settings,
) -> None:
    await seed_demo()
    board_query = doc_examples()[0]
    variables = {"slug": "campus-ctf-finals"}

    public = (await data_of(settings, board_query, variables))["event"]
    assert public["status"] == "FROZEN"
    board = public["leaderboard"]
    assert board["frozen"] is True
    entries = [edge["node"] for edge in board["edges"]]
    assert len(entries) == 4
    assert [e["rank"] for e in entries] == sorted(e["rank"] for e in entries)
    assert all(e["participant"]["name"] for e in entries)  # teams, by name
    assert board["viewerEntry"] is None  # anonymous
    assert len(public["scoreTimeline"]["lines"]) == 4
    assert any(edge["node"]["blood"] == 1 for edge in public["solves"]["edges"])

    admin = await User.get(role=UserRole.ADMIN, email="admin@rangex.local")
    truth_query = board_query.replace("leaderboard(first: 50", "leaderboard(truth: true, first: 50")
    truth = (await data_of(settings, truth_query, variables, as_user=admin))["event"]
    live = truth["leaderboard"]
    assert live["frozen"] is False
    # Solves after the freeze count in the truth only.
    frozen_total = sum(e["score"] for e in entries)
    live_total = sum(edge["node"]["score"] for edge in live["edges"])
    assert live_total != frozen_total

    _, errors = await run(settings, truth_query, variables)
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]

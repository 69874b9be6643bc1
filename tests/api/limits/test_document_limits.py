"""Tokens, depth and aliases: refused before execution, each with its own code."""

from __future__ import annotations

import time

import httpx
import pytest
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
    get_introspection_query,
    parse,
)

from rangex_graphql.app import create_app
from rangex_graphql.settings import Settings
from tests.api.graphql import run


def nested(levels: int) -> str:
    """``levels`` nested fields, the innermost one ``id``; single objects all the way, so
    depth, not cost, is what a long chain runs into."""
    chain = ["scenario", "publishedVersion"] * levels
    fields = ['scenario(slug: "none")', *chain[1 : levels - 1], "id"]
    return "{ " + " { ".join(fields) + " }" * (levels - 1) + " }"


def aliases(count: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"


def codes(errors: list[dict[str, object]]) -> list[object]:
    return [error["extensions"]["code"] for error in errors]  # type: ignore[index]


# --- depth ---------------------------------------------------------------------------------


async def test_twelve_levels_are_refused_as_too_deep(settings: Settings) -> None:
    data, errors = await run(settings, nested(12))
    assert data is None
    assert codes(errors) == ["QUERY_TOO_DEEP"]
    assert errors[0]["message"] == "The operation nests 11 levels deep; the limit is 10."


async def test_eleven_levels_are_within_the_default_depth(db: None, settings: Settings) -> None:
    data, errors = await run(settings, nested(11))
    assert errors == []
    assert data == {"scenario": None}


async def test_depth_counts_through_fragments(settings: Settings) -> None:
    document = """
    { scenario(slug: "none") { ...Deep } }
    fragment Deep on Scenario { publishedVersion { scenario { publishedVersion { id } } } }
    """
    shallow = settings.model_copy(update={"max_query_depth": 3})
    _, errors = await run(shallow, document)
    assert codes(errors) == ["QUERY_TOO_DEEP"]


def selection_nesting(
    selection_set: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]
) -> int:
    """Nesting of selection sets, introspection fields included (what a naive limit sees)."""
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode) and selection.selection_set:
            deepest = max(deepest, 1 + selection_nesting(selection.selection_set, fragments))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, selection_nesting(selection.selection_set, fragments))
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            deepest = max(deepest, selection_nesting(fragment.selection_set, fragments))
    return deepest


async def test_graphiqls_introspection_query_still_works(settings: Settings) -> None:
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    document = parse(query)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(d for d in document.definitions if not isinstance(d, FragmentDefinitionNode))
    # Deeper than the limit: it passes because introspection fields are not counted.
    assert selection_nesting(operation.selection_set, fragments) > settings.max_query_depth  # type: ignore[attr-defined]

    data, errors = await run(settings, query)
    assert errors == []
    assert data is not None
    assert {t["name"] for t in data["__schema"]["types"]} >= {"Query", "Scenario"}


async def test_deep_introspection_is_refused(settings: Settings) -> None:
    document = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"
    data, errors = await run(settings, document)
    assert data is None
    assert set(codes(errors)) == {"QUERY_TOO_DEEP"}


# --- aliases -------------------------------------------------------------------------------


async def test_an_alias_bomb_is_refused(settings: Settings) -> None:
    data, errors = await run(settings, aliases(31))
    assert data is None
    assert codes(errors) == ["TOO_MANY_ALIASES"]
    assert errors[0]["message"] == "The operation uses 31 aliases; the limit is 30."


async def test_thirty_aliases_are_allowed(settings: Settings) -> None:
    data, errors = await run(settings, aliases(30))
    assert errors == []
    assert data is not None
    assert data["a29"] == "Query"


async def test_aliases_count_at_every_spread(settings: Settings) -> None:
    fields = " ".join(f"f{i}: id" for i in range(15))
    document = f"""
    {{ a: node(id: "x") {{ ...Ids }} b: node(id: "y") {{ ...Ids }} }}
    fragment Ids on Node {{ {fields} }}
    """
    _, errors = await run(settings, document)  # 2 + 2 * 15 = 32
    assert codes(errors) == ["TOO_MANY_ALIASES"]
    assert "32 aliases" in str(errors[0]["message"])


async def test_doubling_fragments_are_measured_in_linear_time(settings: Settings) -> None:
    # Each fragment spreads the next twice: 2^22 aliased fields once expanded. Strawberry's
    # own depth and alias limiters walk every expansion (13 s and 4.6 s for this one).
    levels = 22
    fragments = "".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n" for i in range(levels)
    )
    document = f"{{ ...F0 }}\n{fragments}fragment F{levels} on Query {{ a: __typename }}"
    started = time.perf_counter()
    _, errors = await run(settings, document)
    elapsed = time.perf_counter() - started
    assert codes(errors) == ["TOO_MANY_ALIASES"]
    assert f"{2**levels} aliases" in str(errors[0]["message"])
    assert elapsed < 1.0


# --- tokens --------------------------------------------------------------------------------


async def test_a_document_over_the_token_limit_is_refused(settings: Settings) -> None:
    data, errors = await run(settings, "{ " + "__typename " * 1999 + "}")  # 2001 tokens
    assert data is None
    assert codes(errors) == ["TOO_MANY_TOKENS"]
    assert "more than 2000 tokens" in str(errors[0]["message"])


async def test_a_document_at_the_token_limit_is_parsed(settings: Settings) -> None:
    document = "{ __typename }" + "\n# padding" * 1997  # 3 + 1997 comments = 2000 tokens
    data, errors = await run(settings, document)
    assert errors == []
    assert data == {"__typename": "Query"}


async def test_comments_count_as_tokens(settings: Settings) -> None:
    document = "{ __typename }" + "\n# padding" * 1998
    _, errors = await run(settings, document)
    assert codes(errors) == ["TOO_MANY_TOKENS"]


async def test_other_syntax_errors_keep_their_own_code(settings: Settings) -> None:
    _, errors = await run(settings, "{ __typename")
    assert errors[0]["message"] == "Syntax Error: Expected Name, found <EOF>."
    assert "extensions" not in errors[0]  # the HTTP view names it GRAPHQL_PARSE_FAILED


# --- over HTTP -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "code"),
    [(nested(12), "QUERY_TOO_DEEP"), (aliases(31), "TOO_MANY_ALIASES")],
)
async def test_refusals_reach_http_clients_with_their_code(
    settings: Settings, document: str, code: str
) -> None:
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.post(
            "/graphql",
            json={"query": document},
            headers={"accept": "application/graphql-response+json"},
        )
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert [error["extensions"]["code"] for error in body["errors"]] == [code]

"""The document walks the limits do before execution (cost, argument checks) are worked
out once per parsed document: a second request with other variables gets its own answer
(page sizes change the cost, a too-long variable is refused) without walking again."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse

from rangex_graphql.api.limits import cost as cost_module
from rangex_graphql.api.limits import input_values
from rangex_graphql.api.limits.cost import CostModel, remembered_operation_cost
from rangex_graphql.api.limits.input_values import InvalidInput, check_arguments
from rangex_graphql.api.schema import schema

MODEL = CostModel(default_page_size=20, max_page_size=100)
PAGE = parse(
    "query Page($first: Int, $slug: String) "
    "{ scenarios(first: $first) { nodes { versions { id } } } scenario(slug: $slug) { id } }"
)


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _cost(variables: dict[str, Any]) -> int:
    return remembered_operation_cost(schema._schema, PAGE, "Page", variables, MODEL)


def test_the_cost_is_walked_once_per_page_size_not_per_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walks = _counting(monkeypatch, cost_module, "operation_cost")
    first_5 = [_cost({"first": 5, "slug": f"s-{n}"}) for n in range(10)]
    first_50 = _cost({"first": 50, "slug": "s-0"})
    assert first_5 == [1 + 5 * (1 + 10) + 1] * 10
    assert first_50 == 1 + 50 * (1 + 10) + 1
    assert len(walks) == 2  # the slug is not part of the cost


def test_equal_json_values_of_other_types_are_costed_apart() -> None:
    # `true` equals 1 as a Python key; as a page size it is refused, so it costs the most.
    assert _cost({"first": 1}) == 1 + 1 * 11 + 1
    assert _cost({"first": True}) == 1 + 100 * 11 + 1
    assert _cost({"first": 1.0}) == 1 + 1 * 11 + 1
    assert _cost({}) == 1 + 20 * 11 + 1  # absent: the default page


def test_ids_lists_are_costed_by_their_length() -> None:
    document = parse("query N($ids: [ID!]!) { nodes(ids: $ids) { id } }")

    def nodes_cost(ids: list[str]) -> int:
        return remembered_operation_cost(schema._schema, document, "N", {"ids": ids}, MODEL)

    assert [nodes_cost(["a"] * n) for n in (1, 3, 1)] == [1, 3, 1]


SEARCH = parse(
    'query S($q: String, $r: String = "fine") '
    "{ scenarios(filter: {search: $q}) { nodes { id } } u: scenario(slug: $r) { id } }"
)


def test_argument_checks_walk_the_document_once_and_check_every_requests_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walks = _counting(monkeypatch, input_values, "_ArgumentWalk")
    check_arguments(schema._schema, SEARCH, "S", {"q": "short"})
    with pytest.raises(InvalidInput) as refused:
        check_arguments(schema._schema, SEARCH, "S", {"q": "x" * 100_000})
    assert refused.value.extensions == {"code": "BAD_USER_INPUT", "field": "filter.search"}
    check_arguments(schema._schema, SEARCH, "S", {"q": "short again"})
    assert len(walks) == 1


def test_a_refused_literal_or_default_is_refused_on_every_request() -> None:
    literal = parse('{ scenario(slug: "a\\u0000b") { id } }')
    default = parse('query D($s: String = "a\\u0000b") { scenario(slug: $s) { id } }')
    for _ in range(2):
        with pytest.raises(InvalidInput, match="NUL"):
            check_arguments(schema._schema, literal, None, {})
        with pytest.raises(InvalidInput, match="NUL"):
            check_arguments(schema._schema, default, "D", {})
    check_arguments(schema._schema, default, "D", {"s": "given"})  # the default is unused

"""Query cost: the model's numbers, the limit, and ``extensions.cost``."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse

from rangex_graphql.api.context import Context
from rangex_graphql.api.limits import CostModel, operation_cost
from rangex_graphql.api.schema import schema
from rangex_graphql.settings import Settings
from tests.conftest import StatementCounter

# The calibration pair: a heavy page the frontend may ask for, and a nested blow-up.
HEAVY = """
{ scenarios(first: 50) { nodes { versions { machines { id name imageRef cpu memoryMib } } } } }
"""
HEAVY_COST = 1 + 50 * (1 + 10 * (1 + 10 * 1))  # 5,551
BLOW_UP = """
{ scenarios(first: 100) { nodes { versions { machines { version { scenario {
    versions { machines { id } } } } } } } } }
"""
BLOW_UP_COST = 1 + 100 * (1 + 10 * (1 + 10 * (1 + 1 * (1 + 1 * (1 + 10 * (1 + 10 * 1))))))

MODEL = CostModel(default_page_size=20, max_page_size=100)


def cost(document: str, variables: dict[str, Any] | None = None, name: str | None = None) -> int:
    return operation_cost(schema._schema, parse(document), name, variables, MODEL)


@pytest.mark.parametrize(
    ("document", "variables", "expected"),
    [
        pytest.param(HEAVY, None, HEAVY_COST, id="heavy"),
        pytest.param(BLOW_UP, None, BLOW_UP_COST, id="blow-up"),
        pytest.param("{ scenarios { nodes { id } } }", None, 1 + 20, id="default-page"),
        pytest.param(
            "query ($n: Int) { scenarios(first: $n) { nodes { id } } }",
            {"n": 7},
            1 + 7,
            id="variable",
        ),
        pytest.param(
            "query ($n: Int = 5) { scenarios(first: $n) { nodes { id } } }",
            None,
            1 + 5,
            id="variable-default",
        ),
        pytest.param(
            "query ($n: Int) { scenarios(first: $n) { nodes { id } } }",
            {"n": None},
            1 + 20,
            id="variable-null",
        ),
        pytest.param(
            "{ scenarios(last: 3) { edges { node { id } } pageInfo { hasNextPage } totalCount } }",
            None,
            1 + 3 * (1 + 1) + 1,
            id="edges-and-page-info",
        ),
        pytest.param("{ scenarios(first: 1000) { nodes { id } } }", None, 1 + 100, id="clamped"),
        pytest.param(
            "{ scenarios(first: 2) { ...Page } } fragment Page on ScenarioConnection"
            " { nodes { ... on Scenario { versions { id } } } }",
            None,
            1 + 2 * (1 + 10),
            id="fragments",
        ),
        pytest.param(
            "{ viewer { sessions(first: 5) { nodes { id } } } }",
            None,
            1 + (1 + 5),
            id="nested-connection",
        ),
        pytest.param('{ nodes(ids: ["a", "b", "c"]) { id } }', None, 3, id="nodes-by-ids"),
        pytest.param("{ __schema { types { fields { name } } } }", None, 1, id="introspection"),
        pytest.param("{ __typename }", None, 0, id="typename"),
    ],
)
def test_cost_model(document: str, variables: dict[str, Any] | None, expected: int) -> None:
    assert cost(document, variables) == expected


def test_the_named_operation_is_costed() -> None:
    document = """
    query Small { scenarios(first: 1) { nodes { id } } }
    query Large { scenarios(first: 90) { nodes { id } } }
    """
    assert cost(document, name="Small") == 2
    assert cost(document, name="Large") == 91


def test_calibration_heavy_passes_and_blow_up_is_refused(settings: Settings) -> None:
    assert HEAVY_COST == 5_551
    assert BLOW_UP_COST == 1_131_101
    assert HEAVY_COST * 9 < settings.max_query_cost < BLOW_UP_COST


async def execute(settings: Settings, document: str) -> Any:
    return await schema.execute(document, context_value=Context(settings=settings, viewer=None))


async def test_the_cost_is_returned_in_extensions(db: None, settings: Settings) -> None:
    result = await execute(settings, HEAVY)
    assert result.errors is None
    assert result.extensions == {"cost": {"requested": HEAVY_COST, "limit": 50_000}}


async def test_an_over_cost_query_is_refused_before_any_sql(
    db: None, settings: Settings, sql_counter: StatementCounter
) -> None:
    result = await execute(settings, BLOW_UP)
    assert result.data is None
    (error,) = result.errors
    assert error.extensions == {"code": "QUERY_TOO_COMPLEX"}
    assert "costs 1131101 points, more than the limit of 50000" in error.message
    assert result.extensions == {"cost": {"requested": BLOW_UP_COST, "limit": 50_000}}
    assert sql_counter.count == 0

    await execute(settings, HEAVY)
    assert sql_counter.count > 0  # the counter does see statements


async def test_the_limit_comes_from_the_settings(db: None, settings: Settings) -> None:
    at_limit = await execute(settings.model_copy(update={"max_query_cost": HEAVY_COST}), HEAVY)
    assert at_limit.errors is None
    below = await execute(settings.model_copy(update={"max_query_cost": HEAVY_COST - 1}), HEAVY)
    assert [error.extensions["code"] for error in below.errors] == ["QUERY_TOO_COMPLEX"]

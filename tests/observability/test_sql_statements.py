"""SQL statements per request: counted by the hook on Tortoise's statement logger, the
same statements the tests' StatementCounter sees, with DEBUG logging left off."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from rangex_graphql.models import Scenario
from rangex_graphql.observability.sql_statements import (
    STATEMENT_LOGGER,
    count_statements,
    start_counting,
    stop_counting,
)
from tests import factories
from tests.conftest import StatementCounter

HISTOGRAM = "rangex_graphql_sql_statements_per_request"
# The catalog with each scenario's author and versions: the page (authors joined), its
# count, the versions: one statement each whatever the number of rows.
CATALOG = """
query Catalog {
  scenarios(first: 10) {
    totalCount
    nodes { slug author { displayName } versions { number } }
  }
}
"""
CATALOG_STATEMENTS = 3


async def test_the_histogram_observes_the_statements_of_each_request(
    metrics_app: Callable[..., Any], sql_counter: StatementCounter
) -> None:
    for _ in range(3):
        await factories.version(await factories.scenario())
    app = await metrics_app()
    sql_counter.reset()
    response = await app.graphql(CATALOG)
    assert response.status_code == 200, response.text
    assert len(response.json()["data"]["scenarios"]["nodes"]) == 3
    assert sql_counter.count == CATALOG_STATEMENTS
    first = await app.scrape()
    assert first.value(f"{HISTOGRAM}_count") == 1
    assert first.value(f"{HISTOGRAM}_sum") == CATALOG_STATEMENTS
    assert first.value(f"{HISTOGRAM}_bucket", le="2.0") == 0
    assert first.value(f"{HISTOGRAM}_bucket", le="3.0") == 1

    await app.graphql("{ __typename }")  # no statement at all
    second = await app.scrape()
    assert second.value(f"{HISTOGRAM}_count") == 2
    assert second.value(f"{HISTOGRAM}_sum") == CATALOG_STATEMENTS
    assert second.value(f"{HISTOGRAM}_bucket", le="0.0") == 1


async def test_counting_needs_no_debug_logging_and_is_installed_once(db: None) -> None:
    logger = logging.getLogger(STATEMENT_LOGGER)
    assert not logger.isEnabledFor(logging.DEBUG)
    count_statements()
    count_statements()  # a second app in the process: still one count per statement
    count, token = start_counting()
    try:
        await Scenario.all().count()
        await Scenario.filter(slug="none").values("id")
    finally:
        stop_counting(token)
    await Scenario.all().count()  # after the request: nobody's
    assert count.statements == 2

"""A field whose error nulls its parent makes graphql-core cancel the resolvers beside it.
One of those may be waiting for a key another field elsewhere waits for too (the same
event's `viewerRegistration` under `nodes` and under `edges`): the cancelled one stops
waiting, the other still gets its value, and the response is an answer with the error,
never an exception out of the execution."""

from __future__ import annotations

import asyncio

import pytest

from rangex_graphql.api.request_loader import RequestLoader
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run

BAD_CURSOR = "bm90LWEtY3Vyc29y"  # base64 of "not-a-cursor"
QUERY = """
query ($after: String) {
  events(first: 1) {
    nodes {
      viewerRegistration { id }
      registrations(first: 1, after: $after) { totalCount }
    }
    edges { node { viewerRegistration { id } } }
  }
}
"""


@pytest.mark.usefixtures("db")
@pytest.mark.parametrize("plans", [True, False])
async def test_a_cancelled_field_does_not_cancel_the_same_key_elsewhere(
    settings: Settings, plans: bool
) -> None:
    await factories.event()
    learner = await factories.user()
    options = settings.model_copy(update={"execution_plans": plans})
    for _ in range(5):  # it depended on timing: every run must answer
        data, errors = await run(options, QUERY, {"after": BAD_CURSOR}, as_user=learner)
        assert errors, "the bad cursor is an error"
        assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert all(error["extensions"]["code"] != "INTERNAL_SERVER_ERROR" for error in errors)
        if data is not None and data["events"] is not None:
            for edge in data["events"]["edges"]:
                assert edge["node"]["viewerRegistration"] is None  # not registered


async def test_a_cancelled_caller_leaves_the_load_to_the_others() -> None:
    release = asyncio.Event()

    async def load(keys: list[str]) -> list[str]:
        await release.wait()
        return [key.upper() for key in keys]

    loader: RequestLoader[str, str] = RequestLoader(load_fn=load)
    first = asyncio.ensure_future(loader.load("a"))
    second = asyncio.ensure_future(loader.load("a"))
    await asyncio.sleep(0)
    first.cancel()
    await asyncio.sleep(0)
    release.set()
    assert await second == "A"
    assert first.cancelled()
    assert await loader.load("a") == "A"  # the shared value stays for later callers

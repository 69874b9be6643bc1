from __future__ import annotations

import logging

import pytest

from rangex_graphql.api.scenario import types as scenario_types
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run


async def test_unexpected_errors_are_masked_with_a_request_id(
    db: None, settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    scenario = await factories.scenario()
    await factories.version(scenario)

    async def broken(keys: list[object]) -> list[object]:
        raise RuntimeError("password=hunter2 at db.internal:3306")

    monkeypatch.setattr(scenario_types, "_tags", broken)
    with caplog.at_level(logging.ERROR, logger="rangex_graphql.errors"):
        data, errors = await run(settings, "{ scenarios { nodes { title tags } } }")
    assert data is None  # tags is non-null, so the error bubbles to the nullable root
    (error,) = errors
    assert "hunter2" not in str(error)
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    request_id = error["extensions"]["requestId"]
    assert request_id
    logged = [r for r in caplog.records if request_id in r.getMessage()]
    assert logged
    assert "hunter2" in str(logged[0].exc_info[1])  # type: ignore[index]


async def test_expected_errors_keep_their_message(db: None, settings: Settings) -> None:
    _, errors = await run(settings, "{ scenarios(first: 1000) { totalCount } }")
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "first must be between" in errors[0]["message"]


async def test_introspection_can_be_switched_off(settings: Settings) -> None:
    from rangex_graphql.api.context import Context
    from rangex_graphql.api.schema import build_schema

    closed = build_schema(introspection=False)
    result = await closed.execute(
        "{ __schema { types { name } } }", context_value=Context(settings, None)
    )
    assert result.errors
    assert "introspection" in result.errors[0].message.lower()

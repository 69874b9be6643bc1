"""Two `rangex-graphql serve` processes on Redis: maintenance set through one is obeyed by
the other within a second (its refresh interval is 5 s: the broker message did it)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

MAINTENANCE = """
mutation($on: Boolean!) { maintenanceModeSet(input: {enabled: $on, message: "Exam at 9"}) {
  platformSettings { maintenanceEnabled } errors { code } } }
"""
STATUS = "{ platformStatus { maintenance message } }"
REGISTER = """
mutation { accountRegister(input: {
  email: "blocked@example.test", username: "blocked", password: "correct-horse-battery-9"
}) { errors { code message } } }
"""


async def post(
    http: httpx.AsyncClient, server: str, query: str, token: str | None = None, **variables: Any
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post(
        f"http://{server}/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


async def test_maintenance_set_on_one_server_is_obeyed_by_the_other_within_a_second(
    replicas: tuple[str, str], seed: dict[str, str]
) -> None:
    a, b = replicas
    async with httpx.AsyncClient(timeout=5) as http:
        set_on = await post(http, b, MAINTENANCE, seed["admin_token"], on=True)
        assert set_on["maintenanceModeSet"]["errors"] == []
        started = time.monotonic()
        while not (await post(http, a, STATUS))["platformStatus"]["maintenance"]:
            assert time.monotonic() - started < 1.0, "replica A did not follow within a second"
            await asyncio.sleep(0.02)
        refused = await post(http, a, REGISTER)
        assert refused["accountRegister"]["errors"] == [
            {"code": "MAINTENANCE", "message": "Exam at 9"}
        ]
        await post(http, b, MAINTENANCE, seed["admin_token"], on=False)

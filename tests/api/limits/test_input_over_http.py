"""A lone surrogate sent over HTTP: a BAD_USER_INPUT answer the server can encode."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

SIGN_IN = (
    'mutation($login: String!) { tokenCreate(input: {login: $login, password: "x"}) '
    "{ __typename } }"
)


async def test_a_lone_surrogate_in_json_variables_is_bad_user_input(
    live: Callable[..., Any],
) -> None:
    server = await live()
    # JSON allows the escape; Python's json module reads it into an unencodable string.
    query = SIGN_IN.replace('"', '\\"')
    body = f'{{"query": "{query}", "variables": {{"login": "alice\\ud800"}}}}'
    url = server.url.replace("ws://", "http://")
    async with httpx.AsyncClient() as client:
        response = await client.post(
            url, content=body, headers={"content-type": "application/json"}
        )
    assert response.status_code == 200, response.text
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "input.login"

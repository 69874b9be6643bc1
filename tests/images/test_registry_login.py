"""Checking a login over the registry's HTTP API (engines without their own login check):
basic auth, and the bearer token flow registries such as Docker Hub and GHCR use."""

from __future__ import annotations

import base64
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from rangex_graphql.orchestrator.registry import (
    RegistryAuth,
    RegistryLoginFailed,
    http_registry_login,
)
from tests.support.fake_registry import FakeRegistry, serving


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.fixture
async def token_registry() -> AsyncIterator[tuple[str, list[dict[str, str]]]]:
    """``/v2/`` asks for a bearer token; the realm issues one for user "ci", password "tok"."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    asked: list[dict[str, str]] = []

    async def v2(request: web.Request) -> web.Response:
        challenge = f'Bearer realm="http://127.0.0.1:{port}/token",service="test",scope=""'
        return web.Response(status=401, headers={"WWW-Authenticate": challenge})

    async def token(request: web.Request) -> web.Response:
        asked.append(dict(request.query))
        if request.headers.get("Authorization") != basic("ci", "tok"):
            return web.Response(status=401)
        return web.json_response({"token": "t"})

    app = web.Application()
    app.router.add_get("/v2/", v2)
    app.router.add_get("/token", token)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"127.0.0.1:{port}", asked
    finally:
        await runner.cleanup()


async def test_basic_auth_registries() -> None:
    async with serving(FakeRegistry("u", "p", "a/b", "1")) as registry:
        await http_registry_login(RegistryAuth(registry.host, "u", "p"))
        with pytest.raises(RegistryLoginFailed, match="401"):
            await http_registry_login(RegistryAuth(registry.host, "u", "wrong"))
        host = registry.host
    with pytest.raises(RegistryLoginFailed, match="could not be reached"):
        await http_registry_login(RegistryAuth(host, "u", "p"))  # nobody listens now


async def test_token_registries(token_registry: tuple[str, list[dict[str, str]]]) -> None:
    host, asked = token_registry
    await http_registry_login(RegistryAuth(host, "ci", "tok"))
    assert asked == [{"service": "test", "scope": ""}]
    with pytest.raises(RegistryLoginFailed, match="token service answered HTTP 401"):
        await http_registry_login(RegistryAuth(host, "ci", "nope"))

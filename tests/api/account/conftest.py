"""Fixtures for sign-in tests: a shared runtime (throttle, mailer), users with passwords,
and an HTTP client on the real app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from rangex_graphql.app import create_app
from rangex_graphql.mail import MemoryMailer
from rangex_graphql.models import User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.security.passwords import hash_password
from rangex_graphql.security.throttle import LoginThrottle, ThrottlePolicy, memory_storage
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run

PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def runtime(settings: Settings) -> Runtime:
    return build_runtime(
        settings,
        LoginThrottle(memory_storage(), ThrottlePolicy()),
        mailer=MemoryMailer(),
    )


async def person(role: UserRole = UserRole.USER, password: str = PASSWORD, **fields: Any) -> User:
    return await factories.user(role, password_hash=await hash_password(password), **fields)


@dataclass
class Api:
    """Runs documents as an anonymous client sharing one runtime."""

    settings: Settings
    runtime: Runtime

    async def __call__(
        self, document: str, variables: dict[str, Any] | None = None, as_user: User | None = None
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        return await run(self.settings, document, variables, as_user=as_user, runtime=self.runtime)

    async def ok(
        self, document: str, variables: dict[str, Any] | None = None, as_user: User | None = None
    ) -> dict[str, Any]:
        data, errors = await self(document, variables, as_user)
        assert not errors, errors
        assert data is not None
        return data


@pytest.fixture
def api(settings: Settings, runtime: Runtime, db: None) -> Api:
    return Api(settings, runtime)


LOGIN = """mutation($login: String!, $password: String!) {
  tokenCreate(input: {login: $login, password: $password}) {
    tokens { accessToken refreshToken accessTokenExpiresAt }
    mfaChallenge { challenge }
    user { username }
    errors { field code message }
  }
}"""


async def login(api: Api, login_name: str, password: str = PASSWORD) -> dict[str, Any]:
    data = await api.ok(LOGIN, {"login": login_name, "password": password})
    result: dict[str, Any] = data["tokenCreate"]
    return result


@pytest.fixture
async def http(settings: Settings, db: None) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def gql(
    client: httpx.AsyncClient, document: str, token: str | None = None, **variables: Any
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await client.post(
        "/graphql", json={"query": document, "variables": variables}, headers=headers
    )

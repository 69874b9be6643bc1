"""Fixtures of the user management tests: a runtime with a captured mailer and an object
store in a temporary folder, admins and learners with passwords."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.mail import MemoryMailer, Message
from rangex_graphql.models import User
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.security.throttle import LoginThrottle, ThrottlePolicy, memory_storage
from rangex_graphql.settings import Settings
from tests.api.account.conftest import Api

DELETE = """mutation($id: ID!, $reason: String) { userDelete(input: {id: $id, reason: $reason}) {
  user { id username displayName status } errors { field code message } } }"""


@pytest.fixture
def user_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"files_dir": tmp_path / "files"})


@pytest.fixture
async def runtime(user_settings: Settings) -> Any:
    built = build_runtime(
        user_settings, LoginThrottle(memory_storage(), ThrottlePolicy()), mailer=MemoryMailer()
    )
    yield built
    await built.aclose()


@pytest.fixture
def api(user_settings: Settings, runtime: Runtime, db: None) -> Api:
    return Api(user_settings, runtime)


async def outbox(runtime: Runtime) -> list[Message]:
    await runtime.mailer.drain()
    mailer = runtime.mailer.mailer
    assert isinstance(mailer, MemoryMailer)
    return mailer.outbox


async def delete(api: Api, admin: User, user: User, reason: str | None = None) -> Any:
    data = await api.ok(DELETE, {"id": to_global_id("User", user.id), "reason": reason}, admin)
    return data["userDelete"]

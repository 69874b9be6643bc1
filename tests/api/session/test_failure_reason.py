"""A failed session tells its learner a stable reason code; the engine's words are for
admins (``failureDetail``), on the session and on its machines."""

from __future__ import annotations

from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import EnvironmentSession, User
from rangex_graphql.models.enums import ResourceProfile, SessionState, UserRole
from rangex_graphql.orchestrator import MachineHandle, SessionPlan
from rangex_graphql.orchestrator.protocol import EngineUnavailable
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of
from tests.support.sessions import settle

pytestmark = pytest.mark.usefixtures("db")
SOCKET = "unix:///var/run/docker.sock"
QUERY = """query($id: ID!) { node(id: $id) { ... on EnvironmentSession {
  state failureReason failureDetail endReason machines { state failureReason failureDetail }
} } }"""


async def failed_session(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch, learner: User
) -> EnvironmentSession:
    async def unreachable(plan: SessionPlan) -> list[MachineHandle]:
        raise EngineUnavailable(f"provision: Cannot connect to Docker Engine via {SOCKET}")

    monkeypatch.setattr(runtime.driver, "provision", unreachable)
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    session = await start(
        runtime, Actor(learner.id), StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM
    )
    await settle(runtime)
    return await EnvironmentSession.get(id=session.id)


async def node_as(settings: Settings, session: EnvironmentSession, user: User) -> dict[str, Any]:
    data = await data_of(
        settings, QUERY, {"id": to_global_id("EnvironmentSession", session.id)}, as_user=user
    )
    node: dict[str, Any] = data["node"]
    return node


async def test_the_learner_sees_a_stable_code_and_no_engine_detail(
    settings: Settings, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    learner = await factories.user()
    session = await failed_session(runtime, monkeypatch, learner)

    node = await node_as(settings, session, learner)

    assert node["state"] == SessionState.FAILED.value
    assert node["failureReason"] == "engine_unavailable"
    assert node["failureDetail"] is None
    assert SOCKET not in str(node)
    assert {m["failureReason"] for m in node["machines"]} == {"engine_unavailable"}
    assert {m["failureDetail"] for m in node["machines"]} == {None}


async def test_an_admin_sees_the_engine_detail_too(
    settings: Settings, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    learner = await factories.user()
    admin = await factories.user(UserRole.ADMIN)
    session = await failed_session(runtime, monkeypatch, learner)

    node = await node_as(settings, session, admin)

    assert node["failureReason"] == "engine_unavailable"
    assert SOCKET in node["failureDetail"]
    assert all(SOCKET in m["failureDetail"] for m in node["machines"])


async def test_a_row_from_before_the_codes_shows_a_generic_code(
    settings: Settings, runtime: Runtime
) -> None:
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=1)
    session = await factories.session(learner, version, SessionState.FAILED, machines=1)
    await EnvironmentSession.filter(id=session.id).update(
        end_reason="user", failure_reason=f"could not remove the machines: {SOCKET} refused"
    )

    node = await node_as(settings, session, learner)

    assert node["failureReason"] == "engine_error"
    assert node["failureDetail"] is None

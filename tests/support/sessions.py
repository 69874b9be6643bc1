"""Sessions for tests on any engine: waiting for a runtime's background work, a start
through the ``sessionStart`` mutation as a client makes it, and an answer in the service."""

from __future__ import annotations

import asyncio

from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession, Question, ScenarioVersion, User
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.sessions.answers import AnswerResult, submit_answer
from rangex_graphql.settings import Settings
from tests.api.graphql import run

FIELDS = "session { id state failureReason endReason } errors { field code message }"
START = f"mutation($input: SessionStartInput!) {{ sessionStart(input: $input) {{ {FIELDS} }} }}"


async def settle(runtime: Runtime) -> None:
    """Wait until the background work the runtime spawned (provisioning, resets) is done."""
    while runtime.tasks:
        await asyncio.gather(*tuple(runtime.tasks), return_exceptions=True)


async def start_session(
    settings: Settings, runtime: Runtime, learner: User, version: ScenarioVersion
) -> tuple[str, str]:
    """Start a session of ``version`` through the mutation; (global id, session id) once
    the background provisioning is over, whatever it ended in."""
    data, errors = await run(
        settings,
        START,
        {"input": {"versionId": to_global_id("ScenarioVersion", version.id)}},
        as_user=learner,
        runtime=runtime,
    )
    assert not errors
    assert data
    assert data["sessionStart"]["errors"] == []
    global_id: str = data["sessionStart"]["session"]["id"]
    await settle(runtime)
    return global_id, str(from_global_id(global_id, "id")[1])


async def submit(
    settings: Settings,
    who: User,
    session: EnvironmentSession,
    question: Question,
    *answer: str,
    broker: MemoryBroker | None = None,
) -> AnswerResult:
    return await submit_answer(
        who.id,
        session.id,
        question.id,
        list(answer),
        settings=settings,
        broker=broker or MemoryBroker(),
        meta=SYSTEM,
    )

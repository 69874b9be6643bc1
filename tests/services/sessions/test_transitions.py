"""The state machine's compare-and-set: one winner, audited and published."""

from __future__ import annotations

import asyncio

import pytest

from rangex_graphql.broker import MemoryBroker, topic_for_session, topic_for_user
from rangex_graphql.models import AuditLog, EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.services.sessions.transitions import (
    ALLOWED,
    FINAL_STATES,
    IllegalTransition,
    sources_of,
    transition,
)
from tests import factories

S = SessionState


async def running_session() -> EnvironmentSession:
    owner = await factories.user()
    version = await factories.version(await factories.scenario())
    return await factories.session(owner, version, S.RUNNING)


def test_final_states_have_no_way_out() -> None:
    assert all(not ALLOWED[state] for state in FINAL_STATES)
    assert sources_of(S.RUNNING) == {S.PROVISIONING, S.PAUSED}


async def test_a_won_transition_bumps_the_lock_audits_and_publishes(db: None) -> None:
    session = await running_session()
    broker = MemoryBroker()
    on_session = await broker.subscribe([topic_for_session(session.id)])
    on_user = await broker.subscribe([topic_for_user(session.user_id)])  # type: ignore[attr-defined]

    after = await transition(session.id, S.PAUSED, broker=broker, action="pause")

    assert after is not None
    assert after.state is S.PAUSED
    assert after.lock_version == session.lock_version + 1
    entry = await AuditLog.get(action="session.pause")
    assert entry.target_id == str(session.id)
    assert entry.data["previous_state"] == "RUNNING"
    for subscription in (on_session, on_user):
        message = await anext(aiter(subscription))
        assert message["state"] == "PAUSED"
        assert message["previousState"] == "RUNNING"
        assert message["action"] == "pause"


async def test_a_lost_race_changes_nothing(db: None) -> None:
    session = await running_session()
    broker = MemoryBroker()
    assert await transition(session.id, S.PAUSED, broker=broker, action="pause")
    # RUNNING -> PAUSED again: the session is no longer RUNNING.
    again = await transition(
        session.id, S.PAUSED, broker=broker, action="pause", from_states=[S.RUNNING]
    )
    assert again is None
    stale = await transition(
        session.id,
        S.TERMINATING,
        broker=broker,
        action="terminate",
        lock_version=session.lock_version,
    )
    assert stale is None
    assert (await EnvironmentSession.get(id=session.id)).state is S.PAUSED


async def test_concurrent_transitions_have_one_winner(db: None) -> None:
    session = await running_session()
    broker = MemoryBroker()
    results = await asyncio.gather(
        *(
            transition(session.id, S.TERMINATING, broker=broker, action="terminate")
            for _ in range(20)
        )
    )
    assert sum(result is not None for result in results) == 1
    assert await AuditLog.filter(action="session.terminate").count() == 1


async def test_illegal_sources_are_refused(db: None) -> None:
    session = await running_session()
    with pytest.raises(IllegalTransition):
        await transition(
            session.id, S.RUNNING, broker=MemoryBroker(), action="x", from_states=[S.TERMINATED]
        )

"""sessionHeartbeat: the owner's RUNNING or PAUSED session notes activity, at most every 15 s."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import EnvironmentSession, User
from rangex_graphql.models.enums import SessionState, UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions.heartbeat import IdleTimeouts, heartbeat
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run

S = SessionState
pytestmark = pytest.mark.usefixtures("db")

HEARTBEAT = """
mutation($input: SessionHeartbeatInput!) {
  sessionHeartbeat(input: $input) {
    idleDeadline
    session { id state idleDeadline }
    errors { field code message }
  }
}
"""


def now() -> datetime:
    return datetime.now(UTC)


async def session_of(
    owner: User | None = None, state: SessionState = S.RUNNING, **fields: Any
) -> EnvironmentSession:
    owner = owner or await factories.user()
    version = await factories.version(await factories.scenario(), machines=0, questions=0)
    session = await factories.session(owner, version, state)
    await EnvironmentSession.filter(id=session.id).update(**fields)
    return await EnvironmentSession.get(id=session.id)


async def last_activity(session: EnvironmentSession) -> datetime | None:
    return (await EnvironmentSession.get(id=session.id)).last_activity_at


async def test_a_beat_records_activity_and_tells_the_idle_deadline(settings: Settings) -> None:
    at = now()
    session = await session_of(last_activity_at=at - timedelta(minutes=10))

    beat = await heartbeat(IdleTimeouts.of(settings), session.user_id, session.id, at)  # type: ignore[attr-defined]

    assert await last_activity(session) == at
    assert beat.idle_deadline == at + timedelta(minutes=60)


async def test_an_event_session_idles_out_after_thirty_minutes(settings: Settings) -> None:
    at = now()
    event = await factories.event()
    session = await session_of(last_activity_at=at - timedelta(minutes=10), event_id=event.id)

    beat = await heartbeat(IdleTimeouts.of(settings), session.user_id, session.id, at)  # type: ignore[attr-defined]

    assert beat.idle_deadline == at + timedelta(minutes=30)


async def test_beats_closer_than_fifteen_seconds_write_nothing(
    settings: Settings, sql_counter: Any
) -> None:
    at = now()
    session = await session_of(last_activity_at=at - timedelta(seconds=5))

    sql_counter.reset()
    beat = await heartbeat(IdleTimeouts.of(settings), session.user_id, session.id, at)  # type: ignore[attr-defined]
    statements = sql_counter.count

    assert statements == 1  # the read; no UPDATE
    assert await last_activity(session) == at - timedelta(seconds=5)
    assert beat.idle_deadline == at - timedelta(seconds=5) + timedelta(minutes=60)
    # Fifteen seconds on, the next beat writes.
    later = at + timedelta(seconds=10)
    await heartbeat(IdleTimeouts.of(settings), session.user_id, session.id, later)  # type: ignore[attr-defined]
    assert await last_activity(session) == later


async def test_a_paused_session_takes_a_beat_but_has_no_idle_deadline(
    settings: Settings,
) -> None:
    at = now()
    session = await session_of(state=S.PAUSED, last_activity_at=at - timedelta(minutes=5))

    beat = await heartbeat(IdleTimeouts.of(settings), session.user_id, session.id, at)  # type: ignore[attr-defined]

    assert await last_activity(session) == at
    assert beat.idle_deadline is None


@pytest.mark.parametrize(
    ("state", "code"),
    [
        (S.REQUESTED, "SESSION_NOT_RUNNING"),
        (S.PROVISIONING, "SESSION_NOT_RUNNING"),
        (S.TERMINATING, "SESSION_ENDED"),
        (S.TERMINATED, "SESSION_ENDED"),
        (S.EXPIRED, "SESSION_ENDED"),
        (S.FAILED, "SESSION_ENDED"),
    ],
)
async def test_a_session_that_is_not_running_or_paused_takes_no_beat(
    settings: Settings, state: SessionState, code: str
) -> None:
    before = now() - timedelta(minutes=5)
    session = await session_of(state=state, last_activity_at=before)

    with pytest.raises(DomainError) as caught:
        await heartbeat(IdleTimeouts.of(settings), session.user_id, session.id)  # type: ignore[attr-defined]

    assert (caught.value.code, caught.value.field) == (code, "input.sessionId")
    assert await last_activity(session) == before


@pytest.mark.parametrize("role", [UserRole.USER, UserRole.ADMIN])
async def test_someone_elses_session_is_not_found_and_unchanged(
    settings: Settings, role: UserRole
) -> None:
    before = now() - timedelta(minutes=5)
    session = await session_of(last_activity_at=before)
    stranger = await factories.user(role)

    with pytest.raises(DomainError) as caught:
        await heartbeat(IdleTimeouts.of(settings), stranger.id, session.id)

    assert (caught.value.code, caught.value.field) == ("SESSION_NOT_FOUND", "input.sessionId")
    assert await last_activity(session) == before


# --- through the API ---------------------------------------------------------------------


async def test_the_mutation_returns_the_session_and_its_idle_deadline(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    session = await session_of(owner, last_activity_at=now() - timedelta(minutes=50))
    gid = to_global_id("EnvironmentSession", session.id)

    data, errors = await run(
        settings, HEARTBEAT, {"input": {"sessionId": gid}}, as_user=owner, runtime=runtime
    )

    assert not errors
    assert data is not None
    payload = data["sessionHeartbeat"]
    assert payload["errors"] == []
    assert payload["session"]["id"] == gid
    deadline = datetime.fromisoformat(payload["idleDeadline"])
    assert payload["session"]["idleDeadline"] == payload["idleDeadline"]
    assert timedelta(minutes=59) < deadline - now() <= timedelta(minutes=60)


@pytest.mark.parametrize("which", ["someone_elses", "garbage", "wrong_type"])
async def test_the_mutation_answers_bad_ids_with_session_not_found(
    settings: Settings, runtime: Runtime, which: str
) -> None:
    owner = await factories.user()
    before = now() - timedelta(minutes=50)
    session = await session_of(last_activity_at=before)  # another learner's
    gid = {
        "someone_elses": to_global_id("EnvironmentSession", session.id),
        "garbage": "not-an-id",
        "wrong_type": to_global_id("User", owner.id),
    }[which]

    data, errors = await run(
        settings, HEARTBEAT, {"input": {"sessionId": gid}}, as_user=owner, runtime=runtime
    )

    assert not errors
    assert data is not None
    payload = data["sessionHeartbeat"]
    assert (payload["session"], payload["idleDeadline"]) == (None, None)
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("SESSION_NOT_FOUND", "input.sessionId")
    ]
    assert await last_activity(session) == before


async def test_idle_deadline_on_a_session_without_recorded_activity_counts_from_its_start(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    started = now() - timedelta(minutes=10)
    session = await session_of(owner, started_at=started, last_activity_at=None)
    query = "query($id: ID!) { session(id: $id) { idleDeadline } }"

    data, errors = await run(
        settings,
        query,
        {"id": to_global_id("EnvironmentSession", session.id)},
        as_user=owner,
        runtime=runtime,
    )

    assert not errors
    assert data is not None
    deadline = datetime.fromisoformat(data["session"]["idleDeadline"])
    assert abs((deadline - (started + timedelta(minutes=60))).total_seconds()) < 0.01

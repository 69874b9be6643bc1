"""sessionStart, sessionPause, sessionResume, sessionExtend, sessionReset, sessionTerminate,
sessionHeartbeat.

Each needs a signed-in user (API tokens: the SESSIONS scope). Someone else's session is
SESSION_NOT_FOUND; admins may act on any session.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated
from uuid import UUID

import strawberry

from ...models import EnvironmentSession
from ...runtime import Runtime
from ...services.api_tokens import ApiScope
from ...services.audit import RequestMeta
from ...services.authoring.access import Actor
from ...services.errors import DomainError
from ...services.sessions import controls, heartbeat
from ...services.sessions.errors import SessionCode
from ...services.sessions.start import StartRequest, start
from ..context import Info
from ..errors import ApiError
from ..ids import expect_global_id, from_global_id
from ..payload import actor, mutation_payload
from ..permissions import Allow
from .inputs import SessionExtendInput, SessionHeartbeatInput, SessionInput, SessionStartInput
from .payloads import SessionHeartbeatPayload, SessionPayload
from .types import EnvironmentSessionNode

Control = Callable[[Runtime, Actor, UUID, RequestMeta], Awaitable[EnvironmentSession]]
OneSession = Annotated[
    SessionInput,
    strawberry.argument(description="The session: your own, or any for an admin."),
]


async def payload_of(session_id: UUID) -> SessionPayload:
    rows = EnvironmentSession.filter(id=session_id).values(*EnvironmentSessionNode.columns())
    return SessionPayload(session=EnvironmentSessionNode.from_row((await rows)[0]))


async def control(info: Info, input: SessionInput, act: Control) -> SessionPayload:
    session_id = expect_global_id(input.session_id, "EnvironmentSession", "sessionId")
    await act(info.context.services, actor(info), session_id, info.context.meta)
    return await payload_of(session_id)


@strawberry.type
class SessionMutation:
    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Start a session on a PUBLISHED version. Returns at once in REQUESTED; "
        "the machines are provisioned in the background (PROVISIONING, then RUNNING, or "
        "FAILED with a reason): follow it with the session subscription or by polling. "
        "Refused beyond the limits (per user, platform, scenario) or the daily or monthly budget. "
        "With `eventId`: an event session (see the input field), its version one of the "
        "event's challenges (the version the event pinned, PUBLISHED or not since).",
    )
    @mutation_payload(SessionPayload, SessionCode)
    async def session_start(
        self,
        info: Info,
        input: Annotated[
            SessionStartInput,
            strawberry.argument(description="The version, the machine size and the duration."),
        ],
    ) -> SessionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        event_id = expect_global_id(input.event_id, "Event", "eventId") if input.event_id else None
        request = StartRequest(version_id, input.resource_profile, input.duration_minutes, event_id)
        session = await start(info.context.services, actor(info), request, info.context.meta)
        return await payload_of(session.id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="RUNNING → PAUSED: the machines are frozen, the clock and the cost "
        "stop. On ECS (Fargate) a pause stops the tasks: the machines lose their memory "
        "and anything not on disk, as after a restart. An engine failure ends the session "
        "FAILED.",
    )
    @mutation_payload(SessionPayload, SessionCode)
    async def session_pause(self, info: Info, input: OneSession) -> SessionPayload:
        return await control(info, input, controls.pause)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="PAUSED → RUNNING, with the time that was left.",
    )
    @mutation_payload(SessionPayload, SessionCode)
    async def session_resume(self, info: Info, input: OneSession) -> SessionPayload:
        return await control(info, input, controls.resume)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="More time for a RUNNING session, per its version's policy: only in "
        "the extension window before expiry, a limited number of times, and never past "
        "the maximum lifetime (wall clock from the first start, pauses included).",
    )
    @mutation_payload(SessionPayload, SessionCode)
    async def session_extend(
        self,
        info: Info,
        input: Annotated[
            SessionExtendInput,
            strawberry.argument(description="The session and the minutes to add."),
        ],
    ) -> SessionPayload:
        session_id = expect_global_id(input.session_id, "EnvironmentSession", "sessionId")
        await controls.extend(
            info.context.services, actor(info), session_id, input.minutes, info.context.meta
        )
        return await payload_of(session_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="RUNNING or PAUSED → PROVISIONING → RUNNING: the machines are "
        "recreated (same flags and login) in the background. Answers are kept; the expiry "
        "does not move.",
    )
    @mutation_payload(SessionPayload, SessionCode)
    async def session_reset(self, info: Info, input: OneSession) -> SessionPayload:
        return await control(info, input, controls.reset)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Any active state → TERMINATING → TERMINATED: the machines are "
        "removed. Answers and score stay.",
    )
    @mutation_payload(SessionPayload, SessionCode)
    async def session_terminate(self, info: Info, input: OneSession) -> SessionPayload:
        return await control(info, input, controls.terminate)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="The learner is active: call it while they work (every minute, say) so "
        "that the idle timeout (60 minutes without activity, 30 in an event) does not end "
        "a RUNNING session. Accepted on RUNNING and PAUSED sessions of your own; beats "
        "closer than 15 seconds apart write nothing. Answers and resumes count as "
        "activity too.",
    )
    @mutation_payload(SessionHeartbeatPayload, SessionCode)
    async def session_heartbeat(
        self,
        info: Info,
        input: Annotated[
            SessionHeartbeatInput, strawberry.argument(description="Your active session.")
        ],
    ) -> SessionHeartbeatPayload:
        session_id = _session_pk(input.session_id)
        idle = heartbeat.IdleTimeouts.of(info.context.settings, info.context.platform)
        beat = await heartbeat.heartbeat(idle, actor(info).id, session_id)
        payload = await payload_of(session_id)
        return SessionHeartbeatPayload(session=payload.session, idle_deadline=beat.idle_deadline)


def _session_pk(global_id: str) -> UUID:
    """An EnvironmentSession ID; anything else is the same error as someone else's."""
    try:
        found, pk = from_global_id(global_id, "sessionId")
    except ApiError:
        found, pk = "", UUID(int=0)
    if found != "EnvironmentSession":
        raise DomainError(SessionCode.SESSION_NOT_FOUND, "no such session", heartbeat.FIELD)
    return pk

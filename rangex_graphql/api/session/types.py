from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...models import EnvironmentSession, SessionMachine
from ...models.enums import ResourceProfile, SessionMachineState, SessionState
from ...services.sessions.clock import seconds_left
from ...services.sessions.failures import FailureCode, learner_reason
from ...services.sessions.heartbeat import IdleTimeouts, idle_deadline
from ..context import Info
from ..hint.session_hints import SessionHint, session_hints
from ..loader_shapes import many_by_key, one_by_id, required
from ..nested_pagination import NestedConnectionLoader, NestedKey
from ..node import (
    USER_TYPES,
    Computed,
    Node,
    RowNode,
    node_type,
    nodes_by_id,
    row_node,
    same,
    to_many,
    to_one,
)
from ..pagination import Connection
from ..scenario.loaders import machines_by_id
from ..scenario.types import MachineNode, ScenarioVersionNode, versions_by_id
from .access import SessionMachineAccess, access_of
from .answers import SessionAnswerNode, session_answers
from .loaders import max_extensions_by_version

ENDING_STATES = frozenset(
    {SessionState.TERMINATING, SessionState.TERMINATED, SessionState.EXPIRED, SessionState.FAILED}
)


def _learner_failure_reason(row: Mapping[str, Any]) -> str | None:
    return learner_reason(row["end_reason"], row["failure_reason"])


@row_node(
    EnvironmentSession,
    columns={
        "pk": "id",
        **same(
            "user_id",
            "version_id",
            "state",
            "resource_profile",
            "started_at",
            "expires_at",
            "ended_at",
            "score",
            "cost_rm",
            "created_at",
            "duration_minutes",
            "paused_remaining_seconds",
            "extensions_used",
            "end_reason",
            "event_id",
            "last_activity_at",
            "is_test",
        ),
        "failure_detail_text": "failure_reason",
    },
    computed={
        "failure_reason": Computed(("end_reason", "failure_reason"), _learner_failure_reason)
    },
    relations=(
        to_one("user", "User", "user_id"),
        to_one("version", "ScenarioVersion", "version_id"),
        to_many("machines", "SessionMachine", "session_id"),
    ),
)
@strawberry.type(
    name="EnvironmentSession",
    description="A learner's run of a scenario version on deployed machines. "
    "Visible to its owner and admins only.",
)
class EnvironmentSessionNode(RowNode, Node):
    state: SessionState = strawberry.field(description="Where it is in its lifecycle.")
    resource_profile: ResourceProfile = strawberry.field(
        description="The size of its entry (attacker) machine, chosen at start."
    )
    started_at: datetime | None = strawberry.field(
        description="When its machines first ran and its clock started (UTC); null before."
    )
    expires_at: datetime | None = strawberry.field(
        description="When it expires unless extended (UTC); null before it first runs and "
        "while PAUSED (`timeLeftSeconds` holds the time left; a resume sets it anew)."
    )
    ended_at: datetime | None = strawberry.field(
        description="When it ended (UTC); null while active."
    )
    failure_reason: str | None = strawberry.field(
        description="Why it failed, as a stable code: engine_unavailable, provision_failed, "
        "bookkeeping_failed, engine_error, machine_failed, resources_lost, engine_restarted, "
        "interrupted, state_mismatch or cleanup_failed; null unless it failed. The engine's "
        "own words are in `failureDetail`, for admins."
    )
    score: int = strawberry.field(description="Points won by right answers in this session.")
    cost_rm: Decimal = strawberry.field(
        description="Accumulated cost in RM: running time only (paused time is free), "
        "brought up to date at every state change and by the usage job."
    )
    created_at: datetime = strawberry.field(description="When it was requested (UTC).")
    duration_minutes: int = strawberry.field(description="Running time asked for at start.")
    extensions_used: int = strawberry.field(
        description="How many times sessionExtend added time to it."
    )
    end_reason: str | None = strawberry.field(
        description="Why it ended: user, admin, expired, idle (no activity), event_ended "
        "(its event ended), completed (every question answered right), budget (the "
        "platform's budget ran out), provision_failed, "
        "engine_error, ..."
    )
    pk: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID]
    version_id: strawberry.Private[UUID]
    paused_remaining_seconds: strawberry.Private[int | None]
    failure_detail_text: strawberry.Private[str | None]
    event_id: strawberry.Private[UUID | None]
    last_activity_at: strawberry.Private[datetime | None]
    is_test: strawberry.Private[bool]  # a creator's test run: not the learner's own play

    @strawberry.field(
        description="When the idle timeout ends it unless the learner is heard from "
        "(sessionHeartbeat, an answer, a resume): the platform's idle timeout after the last "
        "activity (60 minutes by default), 30 in an event (UTC); null unless RUNNING."
    )
    def idle_deadline(self, info: Info) -> datetime | None:
        return idle_deadline(
            IdleTimeouts.of(info.context.settings, info.context.platform),
            self.state,
            self.last_activity_at,
            self.started_at,
            self.event_id,
        )

    @strawberry.field(
        description="What went wrong in the engine's own words (error messages, exit "
        "codes), for admins; null for anyone else and unless it failed."
    )
    def failure_detail(self, info: Info) -> str | None:
        viewer = info.context.viewer
        return self.failure_detail_text if viewer is not None and viewer.is_admin else None

    @strawberry.field(
        description="Seconds of running time left: counting down while RUNNING, frozen "
        "while PAUSED, the whole duration before the machines first run; null once ended."
    )
    def time_left_seconds(self) -> int | None:
        return time_left_seconds(
            self.state, self.expires_at, self.paused_remaining_seconds, self.duration_minutes
        )

    @strawberry.field(description="Extensions the version's policy still allows.")
    async def extensions_left(self, info: Info) -> int:
        allowed = await required(info.context.loader(max_extensions_by_version), self.version_id)
        return max(0, allowed - self.extensions_used)

    @strawberry.field(
        description="The learner who started it and owns it.",
        graphql_type=node_type("UserNode", USER_TYPES),
    )
    async def user(self, info: Info) -> RowNode:
        return await required(info.context.loader(nodes_by_id("User")), self.user_id)

    @strawberry.field(description="The scenario version it runs.")
    async def version(self, info: Info) -> ScenarioVersionNode:
        return await required(info.context.loader(versions_by_id), self.version_id)

    @strawberry.field(description="The machines deployed for this session.")
    async def machines(self, info: Info) -> list[SessionMachineNode]:
        # Their connection field checks this session's owner: no need to read it again.
        info.context.loader(sessions_by_id).prime(self.pk, self)
        return await info.context.loader(session_machines_by_session).load(self.pk)

    @strawberry.field(description="Progress per question of the version (see answerSubmit).")
    async def answers(self, info: Info) -> list[SessionAnswerNode]:
        return await session_answers(info, self.pk, self.version_id, self.user_id)

    @strawberry.field(
        description="Every hint of the version: title, condition and penalty, whether it is "
        "unlocked or may be unlocked now (hintUnlock), and its body once unlocked. The "
        "session's owner and admins only."
    )
    async def hints(self, info: Info) -> list[SessionHint]:
        return await session_hints(info, self)


def _ports(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    return list(row["ports"] or [])


@row_node(
    SessionMachine,
    columns={
        **same("session_id", "machine_id", "state", "address", "created_at"),
        "failure_detail_text": "failure_reason",
        **same("username", "password_sealed"),
    },
    computed={"ports": Computed(("ports",), _ports)},
    relations=(
        to_one("session", "EnvironmentSession", "session_id"),
        to_one("machine", "Machine", "machine_id"),
    ),
)
@strawberry.type(name="SessionMachine", description="One machine deployed for a session.")
class SessionMachineNode(RowNode, Node):
    state: SessionMachineState = strawberry.field(
        description="Whether it is deployed, running, paused, stopped or failed."
    )
    address: str | None = strawberry.field(
        description="Its address on the session's network (changes after a reset, and after "
        "a resume on ECS); null while not deployed. Reaching it needs `connection`."
    )
    created_at: datetime = strawberry.field(
        description="When the session's provisioning created it (UTC)."
    )
    failure_detail_text: strawberry.Private[str | None]
    session_id: strawberry.Private[UUID]
    machine_id: strawberry.Private[UUID]
    ports: strawberry.Private[list[dict[str, Any]]]
    username: strawberry.Private[str | None]
    password_sealed: strawberry.Private[str | None]

    @strawberry.field(
        description="How to reach the machine: its address, published ports, exposed "
        "entrypoints and, on the entry machine, the session's generated login. The "
        "session's owner and admins only (null for anyone else); the password is shown to "
        "the owner alone."
    )
    async def connection(self, info: Info) -> SessionMachineAccess | None:
        session = await required(info.context.loader(sessions_by_id), self.session_id)
        if not info.context.is_self_or_admin(session.user_id):
            return None
        machine = await required(info.context.loader(machines_by_id), self.machine_id)
        return access_of(info, self, session, machine.entrypoints_read, machine)

    @strawberry.field(
        description="Why it failed, as the stable code of its session's failure (see "
        "`EnvironmentSession.failureReason`); null unless it failed."
    )
    async def failure_reason(self, info: Info) -> str | None:
        if self.failure_detail_text is None:
            return None
        session = await required(info.context.loader(sessions_by_id), self.session_id)
        return session.failure_reason or FailureCode.MACHINE_FAILED.value

    @strawberry.field(
        description="Why it failed in the engine's own words, for admins; null for anyone "
        "else and unless it failed."
    )
    def failure_detail(self, info: Info) -> str | None:
        viewer = info.context.viewer
        return self.failure_detail_text if viewer is not None and viewer.is_admin else None

    @strawberry.field(description="The machine definition this deployment runs.")
    async def machine(self, info: Info) -> MachineNode:
        return await required(info.context.loader(machines_by_id), self.machine_id)

    @strawberry.field(description="The session it was deployed for.")
    async def session(self, info: Info) -> EnvironmentSessionNode:
        return await required(info.context.loader(sessions_by_id), self.session_id)


# --- loaders of these nodes, made per request by Context.loader ---------------------------

SESSION_PAGES_OF_USER = NestedConnectionLoader(
    EnvironmentSession,
    "user_id",
    "created_at DESC, id DESC",
    EnvironmentSessionNode.columns(),
    EnvironmentSessionNode.from_row,
)


def sessions_by_id() -> DataLoader[UUID, EnvironmentSessionNode | None]:
    return one_by_id(
        EnvironmentSession, EnvironmentSessionNode.columns(), EnvironmentSessionNode.from_row
    )


def session_pages_by_user() -> DataLoader[NestedKey, Connection[EnvironmentSessionNode]]:
    return SESSION_PAGES_OF_USER.loader()


def session_machines_by_id() -> DataLoader[UUID, SessionMachineNode | None]:
    return one_by_id(SessionMachine, SessionMachineNode.columns(), SessionMachineNode.from_row)


def session_machines_by_session() -> DataLoader[UUID, list[SessionMachineNode]]:
    return many_by_key(
        SessionMachine,
        "session_id",
        SessionMachineNode.columns(),
        SessionMachineNode.from_row,
        order_by=("created_at", "id"),
        united=True,
    )


def time_left_seconds(
    state: SessionState,
    expires_at: datetime | None,
    paused_remaining: int | None,
    duration_minutes: int,
) -> int | None:
    if state in ENDING_STATES:
        return None
    return seconds_left(expires_at, paused_remaining, duration_minutes, datetime.now(UTC))

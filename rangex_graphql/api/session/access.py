"""How a learner reaches a session machine: address, published ports, generated login.

Visible to the session's owner and admins (null for anyone else, like the session
itself). The password is the session's own generated credential, the one secret the API
ever returns: to the owner alone (an API token needs the SESSIONS scope), and only while
the session is active. Admins see the rest but never a learner's password.
"""

from __future__ import annotations

from typing import Any, Protocol
from uuid import UUID

import strawberry

from ...models.enums import SessionState
from ...security.secret_box import SecretUnreadable, open_sealed
from ...services.api_tokens import ApiScope
from ..context import Info

LIVE_STATES = frozenset(
    {SessionState.REQUESTED, SessionState.PROVISIONING, SessionState.RUNNING, SessionState.PAUSED}
)


@strawberry.type(description="A machine port published to the learner.")
class PublishedPortInfo:
    container_port: int = strawberry.field(
        description="The port the machine's service listens on (one of its `exposedPorts`)."
    )
    protocol: str = strawberry.field(description='The transport protocol, "tcp" or "udp".')
    host: str = strawberry.field(description="The address the learner connects to.")
    host_port: int = strawberry.field(description="The port the learner connects to.")

    @classmethod
    def from_json(cls, port: dict[str, Any]) -> PublishedPortInfo:
        return cls(
            container_port=int(port["containerPort"]),
            protocol=str(port["protocol"]),
            host=str(port["host"]),
            host_port=int(port["hostPort"]),
        )


@strawberry.type(name="SessionMachineAccess", description="How to reach a machine.")
class SessionMachineAccess:
    address: str | None = strawberry.field(description="Address on the session network.")
    ports: list[PublishedPortInfo] = strawberry.field(
        description="Ports published to the learner (the entry machine's only)."
    )
    username: str | None = strawberry.field(description="Login on the entry machine.")
    password: str | None = strawberry.field(
        description="Generated for this session; its owner only, while it is active."
    )


class ReachableMachine(Protocol):
    """What of a session machine its access is made of."""

    address: str | None
    ports: list[dict[str, Any]]
    username: str | None
    password_sealed: str | None


class OwnedSession(Protocol):
    """Whose a session is and whether it still runs."""

    user_id: UUID
    state: SessionState


def access_of(
    info: Info, machine: ReachableMachine, session: OwnedSession
) -> SessionMachineAccess | None:
    viewer = info.context.viewer
    if viewer is None or not info.context.is_self_or_admin(session.user_id):
        return None
    password = None
    if (
        machine.password_sealed
        and viewer.id == session.user_id
        and viewer.has_scope(ApiScope.SESSIONS)
        and session.state in LIVE_STATES
    ):
        try:
            password = open_sealed(info.context.settings, machine.password_sealed)
        except SecretUnreadable:
            password = None
    return SessionMachineAccess(
        address=machine.address,
        ports=[PublishedPortInfo.from_json(p) for p in machine.ports],
        username=machine.username,
        password=password,
    )

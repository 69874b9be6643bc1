"""How a learner reaches a session machine: address, published ports, entrypoints,
generated login.

Visible to the session's owner and admins (null for anyone else, like the session
itself). The password is the session's own generated credential, the one secret the API
ever returns: to the owner alone (an API token needs the SESSIONS scope), and only while
the session is active. Admins see the rest but never a learner's password.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol
from uuid import UUID

import strawberry

from ...models.enums import EntrypointProtocol, SessionState
from ...security.secret_box import SecretUnreadable, open_sealed, read_sealed
from ...services.api_tokens import ApiScope
from ..context import Info
from ..scenario.entrypoints import EntrypointInfo

LIVE_STATES = frozenset(
    {SessionState.REQUESTED, SessionState.PROVISIONING, SessionState.RUNNING, SessionState.PAUSED}
)


@strawberry.type(description="A machine port published to the learner.")
class PublishedPortInfo:
    container_port: int = strawberry.field(
        description="The port the machine's service listens on (one of its `entrypoints`)."
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


@strawberry.type(
    name="SessionEntrypoint",
    description="Where the learner connects to one exposed entrypoint of a session machine: "
    "what a frontend needs to draw a connect button.",
)
class SessionEntrypoint:
    protocol: EntrypointProtocol = strawberry.field(description="How to talk to it.")
    container_port: int = strawberry.field(description="The port the machine listens on.")
    host: str | None = strawberry.field(
        description="The address to connect to: the published address when `published`, "
        "else the machine's address on the session network; null while not deployed."
    )
    port: int = strawberry.field(
        description="The port to connect to: the published host port when `published`, "
        "else the container port."
    )
    published: bool = strawberry.field(
        description="True: reachable from the learner's side (the engine publishes it); "
        "false: reachable from inside the session (from the entry machine)."
    )
    description: str = strawberry.field(description="What it is, in its author's words.")


@strawberry.type(
    name="MachineLogin", description="The login its scenario gives the learner for a machine."
)
class MachineLogin:
    username: str = strawberry.field(description="The user name.")
    password: str = strawberry.field(description="Its secret, for the owner's eyes only.")


@strawberry.type(name="SessionMachineAccess", description="How to reach a machine.")
class SessionMachineAccess:
    address: str | None = strawberry.field(description="Address on the session network.")
    ports: list[PublishedPortInfo] = strawberry.field(
        description="Ports published to the learner (the entry machine's only)."
    )
    entrypoints: list[SessionEntrypoint] = strawberry.field(
        description="The machine's exposed entrypoints with the host and port to connect "
        "to; internal entrypoints are not listed."
    )
    username: str | None = strawberry.field(description="Login on the entry machine.")
    password: str | None = strawberry.field(
        description="Generated for this session; its owner only, while it is active."
    )
    ssh_login: MachineLogin | None = strawberry.field(
        description="The login the scenario gives for this machine (SSH, or its desktop); "
        "the session's owner only, while it is active; null for anyone else."
    )


class ReachableMachine(Protocol):
    """What of a session machine its access is made of."""

    address: str | None
    ports: list[dict[str, Any]]
    username: str | None
    password_sealed: str | None


class LoginOfMachine(Protocol):
    """The authored login of a session machine's definition."""

    ssh_username: str | None
    ssh_password_sealed: str | None


class OwnedSession(Protocol):
    """Whose a session is and whether it still runs."""

    user_id: UUID
    state: SessionState


def session_entrypoints(
    machine: ReachableMachine, entrypoints: Sequence[EntrypointInfo]
) -> list[SessionEntrypoint]:
    """The exposed entrypoints, each at its published port when the engine published it."""
    published = {(int(p["containerPort"]), str(p["protocol"])): p for p in machine.ports}
    found = []
    for entry in entrypoints:
        if not entry.exposed:
            continue
        transport = "udp" if entry.protocol is EntrypointProtocol.UDP else "tcp"
        port = published.get((entry.port, transport))
        found.append(
            SessionEntrypoint(
                protocol=entry.protocol,
                container_port=entry.port,
                host=str(port["host"]) if port else machine.address,
                port=int(port["hostPort"]) if port else entry.port,
                published=port is not None,
                description=entry.description,
            )
        )
    return found


def access_of(
    info: Info,
    machine: ReachableMachine,
    session: OwnedSession,
    entrypoints: Sequence[EntrypointInfo] = (),
    definition: LoginOfMachine | None = None,
) -> SessionMachineAccess | None:
    viewer = info.context.viewer
    if viewer is None or not info.context.is_self_or_admin(session.user_id):
        return None
    password = login = None
    owner_live = (
        viewer.id == session.user_id
        and viewer.has_scope(ApiScope.SESSIONS)
        and session.state in LIVE_STATES
    )
    if machine.password_sealed and owner_live:
        try:
            password = open_sealed(info.context.settings, machine.password_sealed)
        except SecretUnreadable:
            password = None
    if definition is not None and definition.ssh_username and owner_live:
        secret = read_sealed(info.context.settings, definition.ssh_password_sealed)
        if secret is not None:
            login = MachineLogin(username=definition.ssh_username, password=secret)
    return SessionMachineAccess(
        address=machine.address,
        ports=[PublishedPortInfo.from_json(p) for p in machine.ports],
        entrypoints=session_entrypoints(machine, entrypoints),
        username=machine.username,
        password=password,
        ssh_login=login,
    )

from __future__ import annotations

from uuid import UUID

from ..context import Info
from ..nested_pagination import NestedKey, NestedPage
from ..node import Node, visible_through_parent
from ..pagination import Connection
from .filters import SessionFilter
from .types import EnvironmentSessionNode, SessionMachineNode


async def sessions_of_user(
    info: Info,
    user_id: UUID,
    where: SessionFilter | None,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[EnvironmentSessionNode]:
    settings = info.context.settings
    states = tuple(sorted(s.value for s in where.states)) if where and where.states else None
    page = NestedPage.parse(
        first=first,
        after=after,
        last=last,
        before=before,
        settings=settings,
        filter=(("state", states),) if states else (),
    )
    return await info.context.loaders.sessions_of_user.load(NestedKey(user_id, page))


async def resolve_session_node(info: Info, pk: UUID) -> Node | None:
    session: EnvironmentSessionNode | None = await info.context.loaders.sessions_by_id.load(pk)
    if session is None or not info.context.is_self_or_admin(session.user_id):
        return None
    return session


async def resolve_session_machine_node(info: Info, pk: UUID) -> Node | None:
    machine: SessionMachineNode | None = await info.context.loaders.session_machines_by_id.load(pk)
    return await visible_through_parent(
        info, machine, lambda found: found.session_id, resolve_session_node
    )

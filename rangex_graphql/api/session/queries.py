from __future__ import annotations

from datetime import datetime
from typing import Annotated, cast
from uuid import UUID

import strawberry
from tortoise.queryset import QuerySet

from ...models import EnvironmentSession
from ...models.enums import ResourceProfile, UserRole
from ...services.authoring.access import Actor
from ...services.errors import DomainError
from ...services.sessions.cost import estimate
from ...services.sessions.start import check_duration, startable_version
from ..context import Info
from ..errors import BadUserInput
from ..ids import expect_global_id
from ..nested_pagination import NestedKey, NestedPage
from ..node import Node, visible_through_parent
from ..pagination import After, Before, Connection, First, Last, PageRequest, SortKey, paginate
from ..permissions import Allow
from .cost import SessionCostEstimate
from .filters import AdminSessionFilter, SessionFilter
from .types import (
    EnvironmentSessionNode,
    SessionMachineNode,
    session_machines_by_id,
    session_pages_by_user,
    sessions_by_id,
)

NOT_TEST = cast("tuple[str, ...]", (False,))


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
        # A creator's test runs are not among their sessions (see ScenarioVersion.testRuns).
        # False, not a string: the count filters through Tortoise (bool("0") is True).
        filter=(("is_test", NOT_TEST), *((("state", states),) if states else ())),
    )
    return await info.context.loader(session_pages_by_user).load(NestedKey(user_id, page))


async def resolve_session_node(info: Info, pk: UUID) -> Node | None:
    session: EnvironmentSessionNode | None = await info.context.loader(sessions_by_id).load(pk)
    if session is None or not info.context.is_self_or_admin(session.user_id):
        return None
    return session


async def resolve_session_machine_node(info: Info, pk: UUID) -> Node | None:
    machine: SessionMachineNode | None = await info.context.loader(session_machines_by_id).load(pk)
    return await visible_through_parent(
        info, machine, lambda found: found.session_id, resolve_session_node
    )


SESSION_SORT_KEY = SortKey("created_at", datetime)


def admin_session_query(where: AdminSessionFilter | None) -> QuerySet[EnvironmentSession]:
    queryset = EnvironmentSession.all()
    if where is None:
        return queryset
    if where.states:
        queryset = queryset.filter(state__in=[s.value for s in where.states])
    if where.user_id is not None:
        queryset = queryset.filter(user_id=expect_global_id(where.user_id, "User", "filter.userId"))
    if where.version_id is not None:
        version_id = expect_global_id(where.version_id, "ScenarioVersion", "filter.versionId")
        queryset = queryset.filter(version_id=version_id)
    if where.scenario_id is not None:
        scenario_id = expect_global_id(where.scenario_id, "Scenario", "filter.scenarioId")
        queryset = queryset.filter(version__scenario_id=scenario_id)
    if where.event_id is not None:
        queryset = queryset.filter(
            event_id=expect_global_id(where.event_id, "Event", "filter.eventId")
        )
    return queryset


@strawberry.type
class SessionQuery:
    @strawberry.field(
        extensions=[Allow()],
        description="One session: its owner's or, for admins, anyone's; null otherwise.",
    )
    async def session(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="An EnvironmentSession ID.")],
    ) -> EnvironmentSessionNode | None:
        found = await resolve_session_node(info, expect_global_id(id, "EnvironmentSession"))
        return found if isinstance(found, EnvironmentSessionNode) else None

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="Every session on the platform, newest first. Admins only.",
    )
    async def sessions(
        self,
        info: Info,
        filter: Annotated[
            AdminSessionFilter | None,
            strawberry.argument(description="Only sessions that meet every condition given."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[EnvironmentSessionNode] | None:
        page = PageRequest.parse(
            SESSION_SORT_KEY,
            first=first,
            after=after,
            last=last,
            before=before,
            settings=info.context.settings,
        )
        return await paginate(
            admin_session_query(filter),
            page,
            SESSION_SORT_KEY,
            descending=True,
            columns=EnvironmentSessionNode.columns(),
            to_node=EnvironmentSessionNode.from_row,
        )

    @strawberry.field(
        extensions=[Allow()],
        description="What running a version would cost, per machine and in total (RM); "
        "null for a version you may not start.",
    )
    async def session_cost_estimate(
        self,
        info: Info,
        version_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A ScenarioVersion you may start (PUBLISHED)."),
        ],
        duration_minutes: Annotated[
            int,
            strawberry.argument(
                description="Running time to price, 30 minutes to the platform's maximum."
            ),
        ] = 60,
        resource_profile: Annotated[
            ResourceProfile | None,
            strawberry.argument(
                description="Size of the entry machine; null: the version's default profile."
            ),
        ] = None,
    ) -> SessionCostEstimate | None:
        pk = expect_global_id(version_id, "ScenarioVersion", "versionId")
        viewer = info.context.viewer
        assert viewer is not None  # guaranteed by the field's permission
        try:
            most = info.context.platform.max_session_minutes
            check_duration(duration_minutes, most, "durationMinutes")
            version = await startable_version(Actor(viewer.id, viewer.is_admin), pk, "versionId")
        except DomainError as error:
            if error.code == "VERSION_NOT_FOUND":
                return None
            raise BadUserInput(error.message, field=error.field, reason=error.code) from error
        profile = resource_profile or version.resource_profile
        result = await estimate(info.context.settings, pk, profile, duration_minutes)
        return SessionCostEstimate.of(pk, profile, result)

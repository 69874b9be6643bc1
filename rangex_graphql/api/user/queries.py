from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry
from tortoise.expressions import Q

from ...models import User
from ...models.enums import UserRole, UserStatus
from ..context import Info
from ..node import Node
from ..pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    OrderDirection,
    PageRequest,
    SortKey,
    paginate,
)
from ..permissions import Allow
from .loaders import users_by_id
from .types import UserNode


@strawberry.input(description="Narrow the user list.")
class UserFilter:
    role: UserRole | None = strawberry.field(default=None, description="Has this role.")
    status: UserStatus | None = strawberry.field(
        default=None, description="Has this account status."
    )
    search: str | None = strawberry.field(
        default=None, description="Text in the username, display name or email."
    )


@strawberry.enum(description="What to sort users by.")
class UserOrderField(Enum):
    CREATED_AT = strawberry.enum_value("created_at", description="Registration time.")
    USERNAME = strawberry.enum_value("username", description="Username, alphabetically.")
    TOTAL_SCORE = strawberry.enum_value(
        "total_score", description="Points: the sum over versions of the best session score."
    )


USER_SORT_KEYS = {
    UserOrderField.CREATED_AT: SortKey("created_at", datetime),
    UserOrderField.USERNAME: SortKey("username", str),
    UserOrderField.TOTAL_SCORE: SortKey("total_score", int),
}


@strawberry.input(description="Sort order of the user list (newest first by default).")
class UserOrder:
    field: UserOrderField = strawberry.field(
        default=UserOrderField.CREATED_AT, description="What to sort by; the ID breaks ties."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Which way; newest or largest first by default."
    )


async def resolve_user_node(info: Info, pk: UUID) -> Node | None:
    # Public profile fields are visible to all; private ones carry their own permission.
    user: UserNode | None = await info.context.loader(users_by_id).load(pk)
    return user


@strawberry.type
class UserQuery:
    @strawberry.field(description="The signed-in user; null when anonymous.")
    async def viewer(self, info: Info) -> UserNode | None:
        viewer = info.context.viewer
        return await info.context.loader(users_by_id).load(viewer.id) if viewer else None

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)], description="Every user. Admins only."
    )
    async def users(
        self,
        info: Info,
        filter: Annotated[
            UserFilter | None,
            strawberry.argument(description="Only users who meet every condition given."),
        ] = None,
        order_by: Annotated[
            UserOrder | None,
            strawberry.argument(description="Sort order; newest first when absent."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[UserNode] | None:
        order_by = order_by or UserOrder()
        key = USER_SORT_KEYS[order_by.field]
        settings = info.context.settings
        page = PageRequest.parse(
            key,
            first=first,
            after=after,
            last=last,
            before=before,
            settings=settings,
        )
        queryset = User.all()
        if filter is not None:
            if filter.role:
                queryset = queryset.filter(role=filter.role)
            if filter.status:
                queryset = queryset.filter(status=filter.status)
            if filter.search:
                text = filter.search.strip()
                queryset = queryset.filter(
                    Q(username__icontains=text)
                    | Q(display_name__icontains=text)
                    | Q(email__icontains=text)
                )
        return await paginate(
            queryset,
            page,
            key,
            descending=order_by.direction is OrderDirection.DESC,
            columns=UserNode.columns(),
            to_node=UserNode.from_row,
        )

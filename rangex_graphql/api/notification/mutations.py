"""Marking one's notifications read."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from ...services import notifications_read
from ...services.api_tokens import ApiScope
from ...services.notification_errors import NotificationCode
from ..context import Info
from ..ids import expect_global_id
from ..payload import ERRORS, actor, mutation_payload
from ..permissions import Allow
from .loaders import unread_notification_count_by_user
from .types import NotificationError


@strawberry.input(description="Which notifications to mark read: `ids` or `all`, not both.")
class NotificationMarkReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Notifications to mark read (at most 100), your own only."
    )
    all: bool | None = strawberry.field(
        default=None, description="true: mark every unread one read."
    )


@strawberry.type(description="What notificationMarkRead did.")
class NotificationMarkReadPayload:
    count: int = strawberry.field(default=0, description="How many were unread and are now read.")
    errors: list[NotificationError] = strawberry.field(default_factory=list, description=ERRORS)
    user_id: strawberry.Private[UUID | None] = None

    @strawberry.field(description="Your unread notifications left.")
    async def unread_count(self, info: Info) -> int | None:
        if self.user_id is None:
            return None
        return await info.context.loader(unread_notification_count_by_user).load(self.user_id)


@strawberry.type
class NotificationMutation:
    @strawberry.mutation(
        # Read state is the token owner's own bookkeeping, like reading itself.
        extensions=[Allow(scope=ApiScope.READ)],
        description="Mark your notifications read: some by ID, or all. Already read ones "
        "stay as they are.",
    )
    @mutation_payload(NotificationMarkReadPayload, NotificationCode)
    async def notification_mark_read(
        self,
        info: Info,
        input: Annotated[
            NotificationMarkReadInput,
            strawberry.argument(description="The notifications to mark, or all of them."),
        ],
    ) -> NotificationMarkReadPayload:
        viewer = actor(info)
        ids = None
        if input.ids is not None:
            ids = [
                expect_global_id(gid, "Notification", f"ids.{i}") for i, gid in enumerate(input.ids)
            ]
        count = await notifications_read.mark_read(viewer.id, ids, bool(input.all))
        return NotificationMarkReadPayload(count=count, user_id=viewer.id)

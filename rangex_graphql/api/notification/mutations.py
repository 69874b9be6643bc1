"""Marking one's notifications read."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from ...services import notifications_read
from ...services.api_tokens import ApiScope
from ..context import Info
from ..ids import expect_global_id
from ..loaders import Loaders
from ..payload import ERRORS, failures_into
from ..permissions import Authenticated
from ..scopes import MUTATION_SCOPES
from .types import NotificationError, notification_errors

# Read state is the token owner's own bookkeeping, like reading itself.
MUTATION_SCOPES.update({"notificationMarkRead": ApiScope.READ})


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
        return await info.context.loaders.unread_notification_count_by_user.load(self.user_id)


@strawberry.type
class NotificationMutation:
    @strawberry.mutation(
        permission_classes=[Authenticated],
        description="Mark your notifications read: some by ID, or all. Already read ones "
        "stay as they are.",
    )
    @failures_into(NotificationMarkReadPayload, notification_errors)
    async def notification_mark_read(
        self,
        info: Info,
        input: Annotated[
            NotificationMarkReadInput,
            strawberry.argument(description="The notifications to mark, or all of them."),
        ],
    ) -> NotificationMarkReadPayload:
        viewer = info.context.viewer
        assert viewer is not None  # guaranteed by the permission
        ids = None
        if input.ids is not None:
            ids = [
                expect_global_id(gid, "Notification", f"ids.{i}") for i, gid in enumerate(input.ids)
            ]
        count = await notifications_read.mark_read(viewer.id, ids, bool(input.all))
        info.context.loaders = Loaders()  # the payload's unreadCount reads afresh
        return NotificationMarkReadPayload(count=count, user_id=viewer.id)

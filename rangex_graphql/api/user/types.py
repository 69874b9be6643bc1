from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from ...models.enums import UserRole, UserStatus
from ..context import Info
from ..ids import to_global_id
from ..node import Node
from ..notification.permissions import SelfOnly
from ..pagination import After, Before, Connection, First, Last
from ..permissions import SelfOrAdmin

if TYPE_CHECKING:
    from ..account.types import ApiTokenNode
    from ..notification.types import NotificationNode
    from ..scenario.types import ScenarioNode
    from ..session.filters import SessionFilter
    from ..session.types import EnvironmentSessionNode
    from ..team.types import TeamMemberNode


USER_COLUMNS = (
    "id",
    "email",
    "username",
    "display_name",
    "role",
    "status",
    "total_score",
    "mfa_enabled",
    "created_at",
)


@strawberry.type(name="User", description="A person using the platform.")
class UserNode(Node):
    username: str = strawberry.field(
        description="Unique handle chosen at registration: 3 to 30 characters of a-z, 0-9 "
        "and _; it never changes."
    )
    display_name: str = strawberry.field(
        description="The name shown beside the user's work and scores (1 to 100 "
        "characters; the username unless the user chose one)."
    )
    role: UserRole = strawberry.field(
        description="What the user may do: learn, also author, or administer."
    )
    total_score: int = strawberry.field(description="Points earned across all sessions.")
    created_at: datetime = strawberry.field(description="When the user registered (UTC).")
    pk: strawberry.Private[UUID]
    private_email: strawberry.Private[str]
    private_status: strawberry.Private[UserStatus]
    private_mfa_enabled: strawberry.Private[bool]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> UserNode:
        return cls(
            id=strawberry.ID(to_global_id("User", row["id"])),
            pk=row["id"],
            username=row["username"],
            display_name=row["display_name"],
            role=row["role"],
            total_score=row["total_score"],
            created_at=row["created_at"],
            private_email=row["email"],
            private_status=row["status"],
            private_mfa_enabled=row["mfa_enabled"],
        )

    @strawberry.field(permission_classes=[SelfOrAdmin], description="Self and admins only.")
    def email(self) -> str | None:
        return self.private_email

    @strawberry.field(permission_classes=[SelfOrAdmin], description="Self and admins only.")
    def status(self) -> UserStatus | None:
        return self.private_status

    @strawberry.field(permission_classes=[SelfOrAdmin], description="Self and admins only.")
    def mfa_enabled(self) -> bool | None:
        return self.private_mfa_enabled

    @strawberry.field(
        permission_classes=[SelfOrAdmin],
        description="The user's environment sessions, newest first. Self and admins only.",
    )
    async def sessions(
        self,
        info: Info,
        filter: Annotated[
            Annotated[SessionFilter, strawberry.lazy("..session.filters")] | None,
            strawberry.argument(description="Only sessions that meet every condition given."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[EnvironmentSessionNode, strawberry.lazy("..session.types")]] | None:
        from ..session.queries import sessions_of_user

        return await sessions_of_user(info, self.pk, filter, first, after, last, before)

    @strawberry.field(
        permission_classes=[SelfOrAdmin],
        description="The user's API tokens, newest first (never their secrets). Self and "
        "admins only.",
    )
    async def api_tokens(
        self, info: Info
    ) -> list[Annotated[ApiTokenNode, strawberry.lazy("..account.types")]] | None:
        return await info.context.loaders.api_tokens_by_user.load(self.pk)

    @strawberry.field(
        permission_classes=[SelfOrAdmin],
        description="Scenarios the user saved as favorites and you may open, last saved "
        "first. Self and admins only.",
    )
    async def favorites(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[ScenarioNode, strawberry.lazy("..scenario.types")]] | None:
        from ..engagement.queries import favorites_of_user

        return await favorites_of_user(info, self.pk, first, after, last, before)

    @strawberry.field(
        permission_classes=[SelfOnly],
        description="The user's notifications, newest first. That user only.",
    )
    async def notifications(
        self,
        info: Info,
        unread_only: Annotated[
            bool | None,
            strawberry.argument(
                description="True: only notifications not marked read yet. False or absent: "
                "all of them."
            ),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[NotificationNode, strawberry.lazy("..notification.types")]] | None:
        from ..notification.queries import notifications_of_user

        return await notifications_of_user(
            info, self.pk, bool(unread_only), first, after, last, before
        )

    @strawberry.field(
        permission_classes=[SelfOnly], description="How many notifications are unread."
    )
    async def unread_notification_count(self, info: Info) -> int | None:
        return await info.context.loaders.unread_notification_count_by_user.load(self.pk)

    @strawberry.field(description="Teams this user belongs to.")
    async def team_memberships(
        self, info: Info
    ) -> list[Annotated[TeamMemberNode, strawberry.lazy("..team.types")]]:
        return await info.context.loaders.memberships_by_user.load(self.pk)

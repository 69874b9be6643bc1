from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from ...models import User
from ...models.enums import UserRole, UserStatus
from ..account.loaders import api_tokens_by_user
from ..account.types import ApiTokenNode
from ..context import Info
from ..engagement.queries import favorites_of_user
from ..files.fields import avatar_url
from ..node import Node, RowNode, row_node, same, to_many
from ..notification.loaders import unread_notification_count_by_user
from ..notification.queries import notifications_of_user
from ..notification.types import NotificationNode
from ..pagination import After, Before, Connection, First, Last
from ..permissions import Allow
from ..scenario.types import ScenarioNode
from ..session.filters import SessionFilter
from ..session.queries import sessions_of_user
from ..session.types import EnvironmentSessionNode
from ..team.loaders import memberships_by_user
from ..team.types import TeamMemberNode

# The User type is the hub of the graph: the types that point back at their user reach
# it by name (``node.nodes_by_id("User")``), so this module imports them, not they it.


@row_node(
    User,
    columns={
        "pk": "id",
        "private_email": "email",
        **same("username", "display_name", "role"),
        "private_status": "status",
        "total_score": "total_score",
        "private_mfa_enabled": "mfa_enabled",
        "private_profile_hidden": "profile_hidden",
        "created_at": "created_at",
    },
    relations=(
        to_many("sessions", "EnvironmentSession", "user_id"),
        to_many("api_tokens", "ApiToken", "user_id"),
        to_many("notifications", "Notification", "user_id"),
        to_many("team_memberships", "TeamMember", "user_id"),
    ),
)
@strawberry.type(name="User", description="A person using the platform.")
class UserNode(RowNode, Node):
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
    total_score: int = strawberry.field(
        description="Points: the sum over scenario versions of the user's best session "
        "score, so replaying a scenario adds nothing unless it beats the best."
    )
    created_at: datetime = strawberry.field(description="When the user registered (UTC).")
    pk: strawberry.Private[UUID]
    private_email: strawberry.Private[str]
    private_status: strawberry.Private[UserStatus]
    private_mfa_enabled: strawberry.Private[bool]
    private_profile_hidden: strawberry.Private[bool]

    @strawberry.field(
        description="A short-lived link to the user's avatar image; null without one, and "
        "for a hidden profile unless you are that user or an admin."
    )
    async def avatar_url(self, info: Info) -> str | None:
        if self.private_profile_hidden and not info.context.is_self_or_admin(self.pk):
            return None
        return await avatar_url(info, self.pk)

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN, self_=True)], description="Self and admins only."
    )
    def email(self) -> str | None:
        return self.private_email

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN, self_=True)], description="Self and admins only."
    )
    def status(self) -> UserStatus | None:
        return self.private_status

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN, self_=True)], description="Self and admins only."
    )
    def mfa_enabled(self) -> bool | None:
        return self.private_mfa_enabled

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN, self_=True)],
        description="Whether the user hides their profile: public leaderboards then show "
        "them anonymised. Self and admins only.",
    )
    def profile_hidden(self) -> bool | None:
        return self.private_profile_hidden

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN, self_=True)],
        description="The user's environment sessions, newest first. Self and admins only.",
    )
    async def sessions(
        self,
        info: Info,
        filter: Annotated[
            SessionFilter | None,
            strawberry.argument(description="Only sessions that meet every condition given."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[EnvironmentSessionNode] | None:
        return await sessions_of_user(info, self.pk, filter, first, after, last, before)

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN, self_=True)],
        description="The user's API tokens, newest first (never their secrets). Self and "
        "admins only.",
    )
    async def api_tokens(self, info: Info) -> list[ApiTokenNode] | None:
        return await info.context.loader(api_tokens_by_user).load(self.pk)

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN, self_=True)],
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
    ) -> Connection[ScenarioNode] | None:
        return await favorites_of_user(info, self.pk, first, after, last, before)

    @strawberry.field(
        extensions=[Allow(self_=True)],
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
    ) -> Connection[NotificationNode] | None:
        return await notifications_of_user(
            info, self.pk, bool(unread_only), first, after, last, before
        )

    @strawberry.field(
        extensions=[Allow(self_=True)], description="How many notifications are unread."
    )
    async def unread_notification_count(self, info: Info) -> int | None:
        return await info.context.loader(unread_notification_count_by_user).load(self.pk)

    @strawberry.field(description="Teams this user belongs to.")
    async def team_memberships(self, info: Info) -> list[TeamMemberNode]:
        return await info.context.loader(memberships_by_user).load(self.pk)

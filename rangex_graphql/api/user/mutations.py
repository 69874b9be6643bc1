"""Admin user management (userCreate, userDelete) and the viewer's data export."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from ...models import User
from ...models.enums import UserRole
from ...services.users import erasure, export, invitations, self_deletion
from ...services.users.errors import UserAdminCode
from ..context import Info
from ..ids import expect_global_id
from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, mutation_payload
from ..payload import result as payload_result
from ..permissions import Allow
from ..viewer import Viewer
from .types import UserNode


@strawberry.enum(
    description="Why userCreate, userDelete, accountDelete or viewerDataExport failed."
)
class UserAdminErrorCode(Enum):
    INVALID = strawberry.enum_value("INVALID", description="Malformed or out of range.")
    ALREADY_REGISTERED = strawberry.enum_value(
        "ALREADY_REGISTERED", description="That email or username already has an account."
    )
    NOT_FOUND = strawberry.enum_value("NOT_FOUND", description="No such user.")
    ALREADY_DELETED = strawberry.enum_value(
        "ALREADY_DELETED", description="The user was deleted before."
    )
    LAST_ADMIN = strawberry.enum_value(
        "LAST_ADMIN",
        description="The user is the last active admin: make another user ADMIN first.",
    )
    TOO_MANY_ATTEMPTS = strawberry.enum_value(
        "TOO_MANY_ATTEMPTS",
        description="Too many exports, or wrong passwords, in the window; the message says "
        "when to try again.",
    )
    INVALID_CREDENTIALS = strawberry.enum_value(
        "INVALID_CREDENTIALS", description="The password is wrong."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class UserAdminError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: UserAdminErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.input(description="A new account an admin creates; its owner is mailed an invitation.")
class UserCreateInput:
    email: str = strawberry.field(
        description="Where the invitation goes; stored lower-cased, one account each."
    )
    username: str = strawberry.field(description="3-30 characters of a-z, 0-9 and _.")
    display_name: str | None = strawberry.field(
        default=None, description="1-100 characters; absent: the username."
    )
    role: UserRole = strawberry.field(
        default=UserRole.USER, description="The role to give; USER when absent."
    )


@strawberry.input(description="The account to erase.")
class UserDeleteInput:
    id: strawberry.ID = strawberry.field(
        description="A User ID; an admin's own too, unless they are the last active admin."
    )
    reason: str | None = strawberry.field(
        default=None,
        description="Why, for the audit log (at most 500 characters; no personal data).",
    )


@strawberry.input(description="The viewer's password, to erase their own account.")
class AccountDeleteInput:
    password: str = strawberry.field(description="The account's current password.")


@strawberry.type(description="What userCreate did: the INVITED account.")
class UserCreatePayload:
    user: UserNode | None = strawberry.field(
        default=None, description=payload_result("The new user, INVITED")
    )
    errors: list[UserAdminError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(
    description="What userDelete or accountDelete did: the account as it is now, pseudonymous."
)
class UserDeletePayload:
    user: UserNode | None = strawberry.field(
        default=None, description=payload_result("The erased user, DELETED")
    )
    errors: list[UserAdminError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What viewerDataExport answered.")
class ViewerDataExportPayload:
    data: JSON | None = strawberry.field(
        default=None,
        description=payload_result(
            "Everything stored about the viewer: `user` (the profile) and one list per "
            "kind (sessions, answers, hintUnlocks, eventRegistrations, eventParticipations, "
            "eventSolves, teamMemberships, teamJoinRequests, favorites, ratings, "
            "notifications, auditEntries, apiTokens, signIns, files, testRuns), newest "
            "first; `truncated` names the lists cut at the server's row limit. Never a "
            "password, token or secret, nor a digest of one"
        ),
    )
    errors: list[UserAdminError] = strawberry.field(default_factory=list, description=ERRORS)


NewUser = Annotated[UserCreateInput, strawberry.argument(description="The account to create.")]
OwnAccount = Annotated[
    AccountDeleteInput, strawberry.argument(description="The password, as confirmation.")
]
DeletedUser = Annotated[UserDeleteInput, strawberry.argument(description="The account to erase.")]


async def _user_node(user: User) -> UserNode:
    rows = await User.filter(id=user.id).values(*UserNode.columns())
    return UserNode.from_row(rows[0])


def _viewer(info: Info) -> Viewer:
    viewer = info.context.viewer
    assert viewer is not None  # guaranteed by the field's permission
    return viewer


@strawberry.type
class UserMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="Create an account and mail its owner an invitation code, with which "
        "they choose a password (passwordResetConfirm); INVITED, no sign-in, until then. "
        "Admins only.",
    )
    @mutation_payload(UserCreatePayload, UserAdminCode)
    async def user_create(self, info: Info, input: NewUser) -> UserCreatePayload:
        user = await invitations.invite(
            info.context.services,
            _viewer(info).id,
            input.email,
            input.username,
            input.display_name,
            input.role,
            info.context.meta,
        )
        return UserCreatePayload(user=await _user_node(user))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="Erase an account: its email, username and display name become a "
        "stable pseudonym, its credentials, avatar, notifications and audited network "
        "addresses are removed, every sign-in ends; its sessions, answers and scores stay, "
        "anonymised. Irreversible. Admins only; never the last active admin (LAST_ADMIN).",
    )
    @mutation_payload(UserDeletePayload, UserAdminCode)
    async def user_delete(self, info: Info, input: DeletedUser) -> UserDeletePayload:
        user_id = expect_global_id(input.id, "User", "id")
        user = await erasure.erase(
            info.context.services, _viewer(info).id, user_id, input.reason, info.context.meta
        )
        return UserDeletePayload(user=await _user_node(user))

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Erase the viewer's own account, as userDelete does, confirmed with "
        "the password (wrong ones are throttled). Irreversible; never the last active admin.",
    )
    @mutation_payload(UserDeletePayload, UserAdminCode)
    async def account_delete(self, info: Info, input: OwnAccount) -> UserDeletePayload:
        user = await self_deletion.erase_own(
            info.context.services, _viewer(info).id, input.password, info.context.meta
        )
        return UserDeletePayload(user=await _user_node(user))

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Everything stored about the viewer, as one JSON document (a few "
        "exports per hour at most).",
    )
    @mutation_payload(ViewerDataExportPayload, UserAdminCode)
    async def viewer_data_export(self, info: Info) -> ViewerDataExportPayload:
        document = await export.export(info.context.services, _viewer(info).id, info.context.meta)
        return ViewerDataExportPayload(data=cast(JSON, document))

"""Sign-in, accounts, MFA and API tokens."""

from __future__ import annotations

from uuid import UUID

import strawberry

from ...models import ApiToken, User
from ...models.enums import UserRole, UserStatus
from ...services import accounts, api_tokens, mfa, tokens
from ...services.api_tokens import ApiScope
from ..context import Info
from ..ids import expect_global_id
from ..payload import failures_into
from ..permissions import AdminOnly
from ..user.types import USER_COLUMNS, UserNode
from .permissions import SignedInPerson
from .types import (
    API_TOKEN_COLUMNS,
    AccountError,
    ApiTokenNode,
    AuthTokens,
    MfaChallenge,
    account_errors,
)


async def _signed_in(pair: tokens.TokenPair) -> TokenPayload:
    return TokenPayload(
        tokens=AuthTokens(
            access_token=pair.access_token,
            access_token_expires_at=pair.access_expires_at,
            refresh_token=pair.refresh_token,
            refresh_token_expires_at=pair.refresh_expires_at,
        ),
        user=await _user_node(pair.user_id),
    )


async def _user_node(user_id: object) -> UserNode:
    rows = await User.filter(id=user_id).values(*USER_COLUMNS)
    return UserNode.from_row(rows[0])


async def _api_token_node(token: ApiToken) -> ApiTokenNode:
    rows = await ApiToken.filter(id=token.id).values(*API_TOKEN_COLUMNS)
    return ApiTokenNode.from_row(rows[0])


def _viewer_id(info: Info) -> UUID:
    assert info.context.viewer is not None  # guaranteed by the field's permission
    return info.context.viewer.id


async def _viewer_user(info: Info) -> User:
    return await User.get(id=_viewer_id(info))


# --- inputs ------------------------------------------------------------------------------


@strawberry.input
class AccountRegisterInput:
    email: str
    username: str = strawberry.field(description="3-30 characters of a-z, 0-9 and _.")
    password: str = strawberry.field(
        description="10-128 characters, not containing the username or the email."
    )
    display_name: str | None = None


@strawberry.input
class AccountUpdateInput:
    display_name: str | None = None


@strawberry.input
class TokenCreateInput:
    login: str = strawberry.field(description="Email or username.")
    password: str


@strawberry.input
class TokenCreateWithMfaInput:
    challenge: str
    code: str = strawberry.field(description="A current TOTP code or an unused recovery code.")


@strawberry.input
class TokenRefreshInput:
    refresh_token: str


@strawberry.input
class PasswordChangeInput:
    current_password: str
    new_password: str


@strawberry.input
class PasswordResetRequestInput:
    email: str


@strawberry.input
class PasswordResetConfirmInput:
    token: str
    new_password: str


@strawberry.input
class MfaCodeInput:
    code: str


@strawberry.input
class UserRoleUpdateInput:
    user_id: strawberry.ID
    role: UserRole


@strawberry.input
class UserStatusUpdateInput:
    user_id: strawberry.ID
    status: UserStatus


@strawberry.input
class ApiTokenCreateInput:
    name: str
    scopes: list[ApiScope]
    expires_in_days: int | None = strawberry.field(
        default=None, description="Default and maximum: the server's api_token_max_days."
    )


@strawberry.input
class ApiTokenRevokeInput:
    id: strawberry.ID


# --- payloads ----------------------------------------------------------------------------


@strawberry.type
class UserPayload:
    user: UserNode | None = None
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class TokenPayload:
    tokens: AuthTokens | None = None
    user: UserNode | None = None
    mfa_challenge: MfaChallenge | None = strawberry.field(
        default=None, description="Set instead of tokens when the account uses TOTP."
    )
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class DonePayload:
    ok: bool = False
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class MfaTotpSetupPayload:
    secret: str | None = strawberry.field(default=None, description="Shown once.")
    provisioning_uri: str | None = strawberry.field(
        default=None, description="otpauth:// URI for an authenticator app's QR code."
    )
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class MfaTotpConfirmPayload:
    recovery_codes: list[str] | None = strawberry.field(
        default=None, description="Ten single-use codes, shown once: store them safely."
    )
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class ApiTokenCreatePayload:
    api_token: ApiTokenNode | None = None
    token: str | None = strawberry.field(default=None, description="Shown once.")
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class ApiTokenRevokePayload:
    api_token: ApiTokenNode | None = None
    errors: list[AccountError] = strawberry.field(default_factory=list)


# --- mutations ---------------------------------------------------------------------------


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Create a learner account.")
    @failures_into(UserPayload, account_errors)
    async def account_register(self, info: Info, input: AccountRegisterInput) -> UserPayload:
        user = await accounts.register(
            input.email, input.username, input.password, input.display_name, info.context.meta
        )
        return UserPayload(user=await _user_node(user.id))

    @strawberry.mutation(permission_classes=[SignedInPerson])
    @failures_into(UserPayload, account_errors)
    async def account_update(self, info: Info, input: AccountUpdateInput) -> UserPayload:
        user = await accounts.update(
            await _viewer_user(info), input.display_name, info.context.meta
        )
        return UserPayload(user=await _user_node(user.id))

    @strawberry.mutation(description="Sign in with a password.")
    @failures_into(TokenPayload, account_errors)
    async def token_create(self, info: Info, input: TokenCreateInput) -> TokenPayload:
        services = info.context.services
        result = await tokens.login(
            services.settings, services.login_guard, input.login, input.password, info.context.meta
        )
        if isinstance(result, tokens.MfaRequired):
            return TokenPayload(
                mfa_challenge=MfaChallenge(challenge=result.challenge, expires_at=result.expires_at)
            )
        return await _signed_in(result)

    @strawberry.mutation(description="Second step of a sign-in with TOTP.")
    @failures_into(TokenPayload, account_errors)
    async def token_create_with_mfa(
        self, info: Info, input: TokenCreateWithMfaInput
    ) -> TokenPayload:
        pair = await mfa.login_with_code(
            info.context.settings, input.challenge, input.code, info.context.meta
        )
        return await _signed_in(pair)

    @strawberry.mutation(description="Exchange a refresh token for new tokens (rotation).")
    @failures_into(TokenPayload, account_errors)
    async def token_refresh(self, info: Info, input: TokenRefreshInput) -> TokenPayload:
        pair = await tokens.refresh(info.context.settings, input.refresh_token, info.context.meta)
        return await _signed_in(pair)

    @strawberry.mutation(description="Sign out: end the session of this refresh token.")
    async def token_revoke(self, info: Info, input: TokenRefreshInput) -> DonePayload:
        await tokens.revoke(input.refresh_token, info.context.meta)
        return DonePayload(ok=True)

    @strawberry.mutation(
        permission_classes=[SignedInPerson],
        description="Sign out everywhere: every session and access token of the viewer.",
    )
    async def token_revoke_all(self, info: Info) -> DonePayload:
        await tokens.revoke_all(_viewer_id(info), info.context.meta)
        return DonePayload(ok=True)

    @strawberry.mutation(
        permission_classes=[SignedInPerson],
        description="Change the password; ends every session and returns fresh tokens.",
    )
    @failures_into(TokenPayload, account_errors)
    async def password_change(self, info: Info, input: PasswordChangeInput) -> TokenPayload:
        pair = await accounts.change_password(
            info.context.settings,
            await _viewer_user(info),
            input.current_password,
            input.new_password,
            info.context.meta,
        )
        return await _signed_in(pair)

    @strawberry.mutation(
        description="Mail a single-use reset code. Answers the same whether or not the "
        "email has an account."
    )
    async def password_reset_request(
        self, info: Info, input: PasswordResetRequestInput
    ) -> DonePayload:
        services = info.context.services
        await accounts.request_password_reset(
            services.settings, services.mailer, input.email, info.context.meta
        )
        return DonePayload(ok=True)

    @strawberry.mutation(description="Choose a new password with a mailed reset code.")
    @failures_into(DonePayload, account_errors)
    async def password_reset_confirm(
        self, info: Info, input: PasswordResetConfirmInput
    ) -> DonePayload:
        await accounts.confirm_password_reset(input.token, input.new_password, info.context.meta)
        return DonePayload(ok=True)

    @strawberry.mutation(permission_classes=[SignedInPerson])
    @failures_into(MfaTotpSetupPayload, account_errors)
    async def mfa_totp_setup(self, info: Info) -> MfaTotpSetupPayload:
        setup = await mfa.setup(info.context.settings, await _viewer_user(info), info.context.meta)
        return MfaTotpSetupPayload(secret=setup.secret, provisioning_uri=setup.provisioning_uri)

    @strawberry.mutation(permission_classes=[SignedInPerson])
    @failures_into(MfaTotpConfirmPayload, account_errors)
    async def mfa_totp_confirm(self, info: Info, input: MfaCodeInput) -> MfaTotpConfirmPayload:
        codes = await mfa.confirm(
            info.context.settings, await _viewer_user(info), input.code, info.context.meta
        )
        return MfaTotpConfirmPayload(recovery_codes=codes)

    @strawberry.mutation(permission_classes=[SignedInPerson])
    @failures_into(DonePayload, account_errors)
    async def mfa_disable(self, info: Info, input: MfaCodeInput) -> DonePayload:
        await mfa.disable(
            info.context.settings, await _viewer_user(info), input.code, info.context.meta
        )
        return DonePayload(ok=True)

    @strawberry.mutation(permission_classes=[AdminOnly])
    @failures_into(UserPayload, account_errors)
    async def user_role_update(self, info: Info, input: UserRoleUpdateInput) -> UserPayload:
        user_id = expect_global_id(input.user_id, "User", "userId")
        user = await accounts.set_role(_viewer_id(info), user_id, input.role, info.context.meta)
        return UserPayload(user=await _user_node(user.id))

    @strawberry.mutation(
        permission_classes=[AdminOnly],
        description="Suspend or reactivate a user; a suspension ends their tokens at once.",
    )
    @failures_into(UserPayload, account_errors)
    async def user_status_update(self, info: Info, input: UserStatusUpdateInput) -> UserPayload:
        user_id = expect_global_id(input.user_id, "User", "userId")
        user = await accounts.set_status(_viewer_id(info), user_id, input.status, info.context.meta)
        return UserPayload(user=await _user_node(user.id))

    @strawberry.mutation(
        permission_classes=[SignedInPerson],
        description="Create a scoped API token (never beyond your role). Shown once.",
    )
    @failures_into(ApiTokenCreatePayload, account_errors)
    async def api_token_create(
        self, info: Info, input: ApiTokenCreateInput
    ) -> ApiTokenCreatePayload:
        created = await api_tokens.create(
            info.context.settings,
            await _viewer_user(info),
            input.name,
            input.scopes,
            input.expires_in_days,
            info.context.meta,
        )
        return ApiTokenCreatePayload(
            api_token=await _api_token_node(created.row), token=created.token
        )

    @strawberry.mutation(permission_classes=[SignedInPerson])
    @failures_into(ApiTokenRevokePayload, account_errors)
    async def api_token_revoke(
        self, info: Info, input: ApiTokenRevokeInput
    ) -> ApiTokenRevokePayload:
        viewer = info.context.viewer
        assert viewer is not None
        token_id = expect_global_id(input.id, "ApiToken", "id")
        row = await api_tokens.revoke(viewer.id, token_id, viewer.is_admin, info.context.meta)
        return ApiTokenRevokePayload(api_token=await _api_token_node(row))

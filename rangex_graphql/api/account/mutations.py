"""Sign-in, accounts, MFA and API tokens."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from ...models import ApiToken, User
from ...models.enums import UserRole, UserStatus
from ...services import accounts, api_tokens, mfa, tokens
from ...services.account_errors import AccountCode
from ...services.api_tokens import ApiScope
from ..context import Info
from ..ids import expect_global_id
from ..payload import ERRORS, mutation_payload
from ..payload import result as payload_result
from ..permissions import Allow
from ..user.types import UserNode
from .types import (
    AccountError,
    ApiTokenNode,
    AuthTokens,
    MfaChallenge,
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
    rows = await User.filter(id=user_id).values(*UserNode.columns())
    return UserNode.from_row(rows[0])


async def _api_token_node(token: ApiToken) -> ApiTokenNode:
    rows = await ApiToken.filter(id=token.id).values(*ApiTokenNode.columns())
    return ApiTokenNode.from_row(rows[0])


def _viewer_id(info: Info) -> UUID:
    assert info.context.viewer is not None  # guaranteed by the field's permission
    return info.context.viewer.id


async def _viewer_user(info: Info) -> User:
    return await User.get(id=_viewer_id(info))


# --- inputs ------------------------------------------------------------------------------


@strawberry.input(description="A new learner account.")
class AccountRegisterInput:
    email: str = strawberry.field(
        description="Where password resets are mailed; stored lower-cased, one account each."
    )
    username: str = strawberry.field(description="3-30 characters of a-z, 0-9 and _.")
    password: str = strawberry.field(
        description="10-128 characters, not containing the username or the email."
    )
    display_name: str | None = strawberry.field(
        default=None, description="1-100 characters; absent: the username."
    )


@strawberry.input(description="Changes to the viewer's own profile.")
class AccountUpdateInput:
    display_name: str | None = strawberry.field(
        default=None, description="1-100 characters; absent (or null): unchanged."
    )
    profile_hidden: bool | None = strawberry.field(
        default=None,
        description="True: public leaderboards show the viewer anonymised; absent (or "
        "null): unchanged.",
    )


@strawberry.input(description="A sign-in with a password.")
class TokenCreateInput:
    login: str = strawberry.field(description="Email or username.")
    password: str = strawberry.field(description="The account's password.")


@strawberry.input(description="The second step of a sign-in with two-factor authentication.")
class TokenCreateWithMfaInput:
    challenge: str = strawberry.field(description="`mfaChallenge.challenge` from tokenCreate.")
    code: str = strawberry.field(description="A current TOTP code or an unused recovery code.")


@strawberry.input(description="A refresh token to use (refresh) or to end (sign out).")
class TokenRefreshInput:
    refresh_token: str = strawberry.field(
        description="The latest `refreshToken` of the sign-in; each one works once."
    )


@strawberry.input(description="A new password for the viewer.")
class PasswordChangeInput:
    current_password: str = strawberry.field(description="The password in use now.")
    new_password: str = strawberry.field(
        description="10-128 characters, not containing the username or the email."
    )


@strawberry.input(description="Ask for a password reset code by email.")
class PasswordResetRequestInput:
    email: str = strawberry.field(
        description="The account's email; the answer is the same whether one exists or not."
    )


@strawberry.input(description="A new password, with the code a reset request mailed.")
class PasswordResetConfirmInput:
    token: str = strawberry.field(description="The reset code from the email; it works once.")
    new_password: str = strawberry.field(
        description="10-128 characters, not containing the username or the email."
    )


@strawberry.input(description="A code from the viewer's authenticator app.")
class MfaCodeInput:
    code: str = strawberry.field(
        description="The current 6-digit TOTP code; each code is accepted once."
    )


@strawberry.input(description="A new role for a user (admins).")
class UserRoleUpdateInput:
    user_id: strawberry.ID = strawberry.field(description="A User ID, not the admin's own.")
    role: UserRole = strawberry.field(description="The role to give.")


@strawberry.input(description="Suspend or reactivate a user (admins).")
class UserStatusUpdateInput:
    user_id: strawberry.ID = strawberry.field(description="A User ID, not the admin's own.")
    status: UserStatus = strawberry.field(
        description="SUSPENDED signs the user out everywhere; ACTIVE lets them back in. "
        "INVITED and DELETED come from userCreate and userDelete alone (INVALID here)."
    )


@strawberry.input(description="A new API token of the viewer's.")
class ApiTokenCreateInput:
    name: str = strawberry.field(description="1-100 characters, to tell tokens apart.")
    scopes: list[ApiScope] = strawberry.field(
        description="At least one; only scopes the viewer's role may grant."
    )
    expires_in_days: int | None = strawberry.field(
        default=None, description="Default and maximum: the server's api_token_max_days."
    )


@strawberry.input(description="The API token to revoke.")
class ApiTokenRevokeInput:
    id: strawberry.ID = strawberry.field(
        description="An ApiToken ID: the viewer's own, or anyone's for an admin."
    )


# --- payloads ----------------------------------------------------------------------------


@strawberry.type(description="What accountRegister, accountUpdate or an admin's user change did.")
class UserPayload:
    user: UserNode | None = strawberry.field(
        default=None, description=payload_result("The user as it is now")
    )
    errors: list[AccountError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="The outcome of a sign-in, a refresh or a password change.")
class TokenPayload:
    tokens: AuthTokens | None = strawberry.field(
        default=None,
        description="The new access and refresh tokens; null when it failed or a second "
        "factor is needed (see `mfaChallenge`).",
    )
    user: UserNode | None = strawberry.field(
        default=None, description=payload_result("The signed-in user")
    )
    mfa_challenge: MfaChallenge | None = strawberry.field(
        default=None, description="Set instead of tokens when the account uses TOTP."
    )
    errors: list[AccountError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="The outcome of a mutation that answers nothing but success.")
class DonePayload:
    ok: bool = strawberry.field(
        default=False, description="True when it was done; false when `errors` say why not."
    )
    errors: list[AccountError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What mfaTotpSetup did: the secret to confirm with mfaTotpConfirm.")
class MfaTotpSetupPayload:
    secret: str | None = strawberry.field(default=None, description="Shown once.")
    provisioning_uri: str | None = strawberry.field(
        default=None, description="otpauth:// URI for an authenticator app's QR code."
    )
    errors: list[AccountError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What mfaTotpConfirm did: two-factor sign-in is now on.")
class MfaTotpConfirmPayload:
    recovery_codes: list[str] | None = strawberry.field(
        default=None, description="Ten single-use codes, shown once: store them safely."
    )
    errors: list[AccountError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What apiTokenCreate did: the token, shown this once.")
class ApiTokenCreatePayload:
    api_token: ApiTokenNode | None = strawberry.field(
        default=None, description=payload_result("The new token's details")
    )
    token: str | None = strawberry.field(default=None, description="Shown once.")
    errors: list[AccountError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What apiTokenRevoke did.")
class ApiTokenRevokePayload:
    api_token: ApiTokenNode | None = strawberry.field(
        default=None, description=payload_result("The token, now revoked")
    )
    errors: list[AccountError] = strawberry.field(default_factory=list, description=ERRORS)


# --- mutations ---------------------------------------------------------------------------

# Each mutation's `input` argument, described.
Register = Annotated[AccountRegisterInput, strawberry.argument(description="The new account.")]
ProfileChange = Annotated[
    AccountUpdateInput, strawberry.argument(description="The profile fields to change.")
]
SignIn = Annotated[TokenCreateInput, strawberry.argument(description="Login and password.")]
SecondFactor = Annotated[
    TokenCreateWithMfaInput,
    strawberry.argument(description="The challenge from tokenCreate and a code."),
]
RefreshToken = Annotated[
    TokenRefreshInput, strawberry.argument(description="The sign-in's refresh token.")
]
PasswordChange = Annotated[
    PasswordChangeInput, strawberry.argument(description="The current and the new password.")
]
ResetRequest = Annotated[
    PasswordResetRequestInput, strawberry.argument(description="The account's email.")
]
ResetConfirm = Annotated[
    PasswordResetConfirmInput,
    strawberry.argument(description="The mailed code and the new password."),
]
TotpCode = Annotated[
    MfaCodeInput, strawberry.argument(description="A code from the authenticator app.")
]
RoleChange = Annotated[
    UserRoleUpdateInput, strawberry.argument(description="The user and the new role.")
]
StatusChange = Annotated[
    UserStatusUpdateInput, strawberry.argument(description="The user and the new status.")
]
NewApiToken = Annotated[
    ApiTokenCreateInput,
    strawberry.argument(description="The token's name, scopes and lifetime."),
]
ApiTokenToRevoke = Annotated[
    ApiTokenRevokeInput, strawberry.argument(description="The token to revoke.")
]


@strawberry.type
class AccountMutation:
    @strawberry.mutation(
        description="Create a learner account. An email that already has an account gets "
        "the same answer (its owner is mailed a notice; the user shown is not stored)."
    )
    @mutation_payload(UserPayload, AccountCode)
    async def account_register(self, info: Info, input: Register) -> UserPayload:
        user = await accounts.register(
            info.context.services,
            input.email,
            input.username,
            input.password,
            input.display_name,
            info.context.meta,
        )
        rows = await User.filter(id=user.id).values(*UserNode.columns())
        # No row: the address already had an account, and the answer must not say so.
        row = rows[0] if rows else {column: getattr(user, column) for column in UserNode.columns()}
        return UserPayload(user=UserNode.from_row(row))

    @strawberry.mutation(
        extensions=[Allow(tokens=False)], description="Change the viewer's own profile."
    )
    @mutation_payload(UserPayload, AccountCode)
    async def account_update(self, info: Info, input: ProfileChange) -> UserPayload:
        user = await accounts.update(
            await _viewer_user(info),
            input.display_name,
            info.context.meta,
            profile_hidden=input.profile_hidden,
        )
        return UserPayload(user=await _user_node(user.id))

    @strawberry.mutation(description="Sign in with a password.")
    @mutation_payload(TokenPayload, AccountCode)
    async def token_create(self, info: Info, input: SignIn) -> TokenPayload:
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
    @mutation_payload(TokenPayload, AccountCode)
    async def token_create_with_mfa(self, info: Info, input: SecondFactor) -> TokenPayload:
        pair = await mfa.login_with_code(
            info.context.settings, input.challenge, input.code, info.context.meta
        )
        return await _signed_in(pair)

    @strawberry.mutation(description="Exchange a refresh token for new tokens (rotation).")
    @mutation_payload(TokenPayload, AccountCode)
    async def token_refresh(self, info: Info, input: RefreshToken) -> TokenPayload:
        services = info.context.services
        pair = await tokens.refresh(
            services.settings, services.revocations, input.refresh_token, info.context.meta
        )
        return await _signed_in(pair)

    @strawberry.mutation(description="Sign out: end the session of this refresh token.")
    @mutation_payload(DonePayload, AccountCode)
    async def token_revoke(self, info: Info, input: RefreshToken) -> DonePayload:
        await tokens.revoke(
            info.context.services.revocations, input.refresh_token, info.context.meta
        )
        return DonePayload(ok=True)

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Sign out everywhere: every session and access token of the viewer.",
    )
    @mutation_payload(DonePayload, AccountCode)
    async def token_revoke_all(self, info: Info) -> DonePayload:
        await tokens.revoke_all(
            info.context.services.revocations, _viewer_id(info), info.context.meta
        )
        return DonePayload(ok=True)

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Change the password; ends every session and returns fresh tokens.",
    )
    @mutation_payload(TokenPayload, AccountCode)
    async def password_change(self, info: Info, input: PasswordChange) -> TokenPayload:
        pair = await accounts.change_password(
            info.context.services,
            await _viewer_user(info),
            input.current_password,
            input.new_password,
            info.context.meta,
        )
        return await _signed_in(pair)

    @strawberry.mutation(
        description="Mail a single-use reset code. Answers the same whether or not the "
        "email has an account (a few mails per account and window at most); too many "
        "requests from one client address: TOO_MANY_ATTEMPTS."
    )
    @mutation_payload(DonePayload, AccountCode)
    async def password_reset_request(self, info: Info, input: ResetRequest) -> DonePayload:
        await accounts.request_password_reset(info.context.services, input.email, info.context.meta)
        return DonePayload(ok=True)

    @strawberry.mutation(description="Choose a new password with a mailed reset code.")
    @mutation_payload(DonePayload, AccountCode)
    async def password_reset_confirm(self, info: Info, input: ResetConfirm) -> DonePayload:
        await accounts.confirm_password_reset(
            info.context.services, input.token, input.new_password, info.context.meta
        )
        return DonePayload(ok=True)

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Start turning on two-factor sign-in: a new TOTP secret for an "
        "authenticator app; it takes effect once mfaTotpConfirm accepts a code.",
    )
    @mutation_payload(MfaTotpSetupPayload, AccountCode)
    async def mfa_totp_setup(self, info: Info) -> MfaTotpSetupPayload:
        setup = await mfa.setup(info.context.settings, await _viewer_user(info), info.context.meta)
        return MfaTotpSetupPayload(secret=setup.secret, provisioning_uri=setup.provisioning_uri)

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Turn on two-factor sign-in with a code from the secret of "
        "mfaTotpSetup; answers the recovery codes, once.",
    )
    @mutation_payload(MfaTotpConfirmPayload, AccountCode)
    async def mfa_totp_confirm(self, info: Info, input: TotpCode) -> MfaTotpConfirmPayload:
        codes = await mfa.confirm(
            info.context.settings, await _viewer_user(info), input.code, info.context.meta
        )
        return MfaTotpConfirmPayload(recovery_codes=codes)

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Turn off two-factor sign-in, with a current code; wrong codes are throttled.",
    )
    @mutation_payload(DonePayload, AccountCode)
    async def mfa_disable(self, info: Info, input: TotpCode) -> DonePayload:
        await mfa.disable(
            info.context.settings,
            info.context.services.login_guard,
            await _viewer_user(info),
            input.code,
            info.context.meta,
        )
        return DonePayload(ok=True)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="Give a user another role (USER, CREATOR, ADMIN). Admins only, never "
        "on themselves.",
    )
    @mutation_payload(UserPayload, AccountCode)
    async def user_role_update(self, info: Info, input: RoleChange) -> UserPayload:
        user_id = expect_global_id(input.user_id, "User", "userId")
        user = await accounts.set_role(_viewer_id(info), user_id, input.role, info.context.meta)
        return UserPayload(user=await _user_node(user.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="Suspend or reactivate a user; a suspension ends their tokens at once.",
    )
    @mutation_payload(UserPayload, AccountCode)
    async def user_status_update(self, info: Info, input: StatusChange) -> UserPayload:
        user_id = expect_global_id(input.user_id, "User", "userId")
        user = await accounts.set_status(
            info.context.services, _viewer_id(info), user_id, input.status, info.context.meta
        )
        return UserPayload(user=await _user_node(user.id))

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Create a scoped API token (never beyond your role). Shown once.",
    )
    @mutation_payload(ApiTokenCreatePayload, AccountCode)
    async def api_token_create(self, info: Info, input: NewApiToken) -> ApiTokenCreatePayload:
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

    @strawberry.mutation(
        extensions=[Allow(tokens=False)],
        description="Revoke an API token at once: your own, or anyone's for an admin.",
    )
    @mutation_payload(ApiTokenRevokePayload, AccountCode)
    async def api_token_revoke(self, info: Info, input: ApiTokenToRevoke) -> ApiTokenRevokePayload:
        viewer = info.context.viewer
        assert viewer is not None
        token_id = expect_global_id(input.id, "ApiToken", "id")
        row = await api_tokens.revoke(viewer.id, token_id, viewer.is_admin, info.context.meta)
        return ApiTokenRevokePayload(api_token=await _api_token_node(row))

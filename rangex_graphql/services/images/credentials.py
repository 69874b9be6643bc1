"""Private registries' credentials: admins add, change, test and remove them; the engines
pull with them (``auths_for``). The secret is sealed on every write with the current key
(security/registry_box.py) and leaves this module only inside a ``RegistryAuth`` for a
driver. A credential is tested before it is saved: one the registry refuses is never
written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import RegistryCredential
from ...orchestrator.protocol import Driver
from ...orchestrator.registry import RegistryAuth, RegistryLoginFailed, registry_of
from ...security.registry_box import open_registry_secret, seal_registry_secret
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..authoring.access import Actor, now, require_admin
from ..errors import DomainError, DomainErrors
from .errors import CredentialCode
from .registry_access import check_login

HOST = re.compile(r"^[a-z0-9]([a-z0-9.-]{0,250}[a-z0-9])?(:[0-9]{1,5})?$")
USERNAME_MAX_LENGTH = 255
SECRET_MAX_LENGTH = 4096
TEST_MESSAGE_MAX_LENGTH = 500


@dataclass(frozen=True, slots=True)
class CredentialSpec:
    registry_host: str
    username: str
    secret: str


@dataclass(frozen=True, slots=True)
class CredentialChanges:
    username: str | None = None
    secret: str | None = None


def _spec_errors(host: str | None, username: str | None, secret: str | None) -> list[DomainError]:
    errors = []
    if host is not None and not HOST.match(host):
        errors.append(
            DomainError(
                CredentialCode.INVALID,
                "a registry host, lower-case, with a port if not the default "
                "(registry.example.com:5000, docker.io)",
                "registryHost",
            )
        )
    if username is not None and not (0 < len(username.strip()) <= USERNAME_MAX_LENGTH):
        errors.append(
            DomainError(CredentialCode.INVALID, "1-255 characters, not blank", "username")
        )
    if secret is not None and not (0 < len(secret) <= SECRET_MAX_LENGTH):
        errors.append(
            DomainError(CredentialCode.INVALID, f"1-{SECRET_MAX_LENGTH} characters", "secret")
        )
    return errors


async def _login(driver: Driver | None, auth: RegistryAuth) -> None:
    try:
        await check_login(driver, auth)
    except RegistryLoginFailed as exc:
        raise DomainError(
            CredentialCode.CREDENTIAL_TEST_FAILED,
            f"the registry refused this login: {exc}"[:TEST_MESSAGE_MAX_LENGTH],
            "secret",
        ) from exc


def _auth(settings: Settings, row: RegistryCredential) -> RegistryAuth:
    secret = open_registry_secret(settings, row.registry_host, row.secret_sealed)
    return RegistryAuth(row.registry_host, row.username, secret, str(row.id))


async def _found(credential_id: UUID, *, lock: bool = False) -> RegistryCredential:
    query = RegistryCredential.filter(id=credential_id)
    row = await (query.select_for_update() if lock else query).first()
    if row is None:
        raise DomainError(CredentialCode.NOT_FOUND, "no such registry credential", "id")
    return row


async def create_credential(
    actor: Actor,
    spec: CredentialSpec,
    meta: RequestMeta,
    *,
    settings: Settings,
    driver: Driver | None,
    test: bool = True,
) -> RegistryCredential:
    require_admin(actor)
    host = spec.registry_host.strip().lower()
    errors = _spec_errors(host, spec.username, spec.secret)
    if errors:
        raise DomainErrors(errors)
    if await RegistryCredential.filter(registry_host=host).exists():
        raise DomainError(
            CredentialCode.DUPLICATE, "this registry has a credential already", "registryHost"
        )
    auth = RegistryAuth(host, spec.username.strip(), spec.secret)
    if test:
        await _login(driver, auth)  # before the transaction: no row locked while waiting

    async def write() -> RegistryCredential:
        if await RegistryCredential.filter(registry_host=host).exists():
            raise DomainError(
                CredentialCode.DUPLICATE, "this registry has a credential already", "registryHost"
            )
        row = await RegistryCredential.create(
            registry_host=host,
            username=auth.username,
            secret_sealed=seal_registry_secret(settings, host, spec.secret),
            created_by_id=actor.id,
            last_tested_at=now() if test else None,
            last_test_ok=True if test else None,
        )
        await audit(
            "registry_credential.create",
            meta,
            actor_id=actor.id,
            target_type="RegistryCredential",
            target_id=row.id,
            registry_host=host,
            username=auth.username,
            tested=test,
        )
        return row

    return await retrying_transaction(write)


async def update_credential(
    actor: Actor,
    credential_id: UUID,
    changes: CredentialChanges,
    meta: RequestMeta,
    *,
    settings: Settings,
    driver: Driver | None,
    test: bool = True,
) -> RegistryCredential:
    """Change the username or the secret (re-sealed with the current key either way)."""
    require_admin(actor)
    errors = _spec_errors(None, changes.username, changes.secret)
    if errors:
        raise DomainErrors(errors)
    row = await _found(credential_id)
    current = _auth(settings, row)
    auth = RegistryAuth(
        row.registry_host,
        changes.username.strip() if changes.username is not None else row.username,
        changes.secret if changes.secret is not None else current.password,
    )
    if test:
        await _login(driver, auth)

    async def write() -> RegistryCredential:
        locked = await _found(credential_id, lock=True)
        locked.username = auth.username
        locked.secret_sealed = seal_registry_secret(settings, locked.registry_host, auth.password)
        if test:
            locked.last_tested_at = now()
            locked.last_test_ok = True
            locked.last_test_message = None
        await locked.save()
        await audit(
            "registry_credential.update",
            meta,
            actor_id=actor.id,
            target_type="RegistryCredential",
            target_id=locked.id,
            registry_host=locked.registry_host,
            username_changed=changes.username is not None,
            secret_changed=changes.secret is not None,
            tested=test,
        )
        return locked

    return await retrying_transaction(write)


async def delete_credential(actor: Actor, credential_id: UUID, meta: RequestMeta) -> None:
    require_admin(actor)

    async def write() -> None:
        row = await _found(credential_id, lock=True)
        await row.delete()
        await audit(
            "registry_credential.delete",
            meta,
            actor_id=actor.id,
            target_type="RegistryCredential",
            target_id=credential_id,
            registry_host=row.registry_host,
        )

    await retrying_transaction(write)


async def test_credential(
    actor: Actor,
    credential_id: UUID,
    meta: RequestMeta,
    *,
    settings: Settings,
    driver: Driver | None,
) -> RegistryCredential:
    """Log in with the stored credential. The outcome is recorded on the credential (that
    is what the test is for); a refusal then raises CREDENTIAL_TEST_FAILED."""
    require_admin(actor)
    row = await _found(credential_id)
    failure: DomainError | None = None
    try:
        await _login(driver, _auth(settings, row))
    except DomainError as refused:
        failure = refused

    async def record() -> RegistryCredential:
        locked = await _found(credential_id, lock=True)
        locked.last_tested_at = now()
        locked.last_test_ok = failure is None
        locked.last_test_message = failure.message if failure else None
        await locked.save()
        await audit(
            "registry_credential.test",
            meta,
            actor_id=actor.id,
            target_type="RegistryCredential",
            target_id=locked.id,
            registry_host=locked.registry_host,
            ok=failure is None,
        )
        return locked

    recorded = await retrying_transaction(record)
    if failure is not None:
        raise failure
    return recorded


async def auths_for(settings: Settings, image_refs: Iterable[str]) -> dict[str, RegistryAuth]:
    """The login for each of the images' registries that has a credential, by host (one
    statement)."""
    hosts = {registry_of(ref) for ref in image_refs}
    if not hosts:
        return {}
    rows = await RegistryCredential.filter(registry_host__in=hosts)
    return {row.registry_host: _auth(settings, row) for row in rows}


async def auth_for(settings: Settings, image_ref: str) -> RegistryAuth | None:
    return (await auths_for(settings, [image_ref])).get(registry_of(image_ref))

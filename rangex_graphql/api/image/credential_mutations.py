"""registryCredentialCreate/Update/Delete/Test: admins only. A create or update logs in
to the registry first (unless ``test: false``): a login it refuses is never saved."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.extensions.field_extension import FieldExtension

from ...models.enums import UserRole
from ...services.api_tokens import ApiScope
from ...services.images import credentials
from ...services.images.errors import CredentialCode
from ..context import Info
from ..payload import actor, mutation_payload
from ..permissions import Allow
from .types import (
    RegistryCredentialDeletePayload,
    RegistryCredentialNode,
    RegistryCredentialPayload,
)

TEST = (
    "Log in to the registry with it first (the default); a login it refuses is "
    "CREDENTIAL_TEST_FAILED and nothing is saved."
)


@strawberry.input(description="A private registry's login.")
class RegistryCredentialCreateInput:
    registry_host: str = strawberry.field(
        description='The registry: a host, with a port if not the default ("docker.io", '
        '"registry.example.com:5000").'
    )
    username: str = strawberry.field(description="The registry user.")
    secret: str = strawberry.field(
        description="The password or access token; sealed at rest, never shown again."
    )
    test: bool = strawberry.field(default=True, description=TEST)


@strawberry.input(description="A new username or secret; absent fields stay as they are.")
class RegistryCredentialUpdateInput:
    id: strawberry.ID = strawberry.field(description="The RegistryCredential.")
    username: str | None = strawberry.field(default=None, description="The registry user.")
    secret: str | None = strawberry.field(default=None, description="The new secret.")
    test: bool = strawberry.field(default=True, description=TEST)


@strawberry.input(description="Names one stored registry login.")
class RegistryCredentialIdInput:
    id: strawberry.ID = strawberry.field(description="The RegistryCredential.")


async def _node(pk: object) -> RegistryCredentialNode:
    found = await RegistryCredentialNode.read(pk)  # type: ignore[arg-type]
    assert found is not None
    return found


def admin_only() -> list[FieldExtension]:
    """Signed-in admins, never an API token: these are credentials."""
    return [Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN, tokens=False)]


@strawberry.type
class RegistryCredentialMutation:
    @strawberry.mutation(
        extensions=admin_only(), description="Add a registry's login. Admins only."
    )
    @mutation_payload(RegistryCredentialPayload, CredentialCode)
    async def registry_credential_create(
        self,
        info: Info,
        input: Annotated[
            RegistryCredentialCreateInput,
            strawberry.argument(description="The registry, the login and whether to test it."),
        ],
    ) -> RegistryCredentialPayload:
        row = await credentials.create_credential(
            actor(info),
            credentials.CredentialSpec(input.registry_host, input.username, input.secret),
            info.context.meta,
            settings=info.context.settings,
            driver=info.context.services.driver,
            test=input.test,
        )
        return RegistryCredentialPayload(registry_credential=await _node(row.id))

    @strawberry.mutation(
        extensions=admin_only(),
        description="Change a registry login's user or secret. Admins only.",
    )
    @mutation_payload(RegistryCredentialPayload, CredentialCode)
    async def registry_credential_update(
        self,
        info: Info,
        input: Annotated[
            RegistryCredentialUpdateInput,
            strawberry.argument(description="The credential and its new user or secret."),
        ],
    ) -> RegistryCredentialPayload:
        pk = RegistryCredentialNode.pk_of(input.id, "id")
        row = await credentials.update_credential(
            actor(info),
            pk,
            credentials.CredentialChanges(input.username, input.secret),
            info.context.meta,
            settings=info.context.settings,
            driver=info.context.services.driver,
            test=input.test,
        )
        return RegistryCredentialPayload(registry_credential=await _node(row.id))

    @strawberry.mutation(
        extensions=admin_only(),
        description="Remove a registry login: its images are pulled anonymously. Admins only.",
    )
    @mutation_payload(RegistryCredentialDeletePayload, CredentialCode)
    async def registry_credential_delete(
        self,
        info: Info,
        input: Annotated[
            RegistryCredentialIdInput,
            strawberry.argument(description="Which credential."),
        ],
    ) -> RegistryCredentialDeletePayload:
        pk = RegistryCredentialNode.pk_of(input.id, "id")
        await credentials.delete_credential(actor(info), pk, info.context.meta)
        return RegistryCredentialDeletePayload(
            deleted_registry_credential_id=RegistryCredentialNode.global_id_of(pk)
        )

    @strawberry.mutation(
        extensions=admin_only(),
        description="Log in to the registry with the stored login. The outcome is recorded "
        "(`lastTestOk`, `lastTestedAt`) either way; a refusal is CREDENTIAL_TEST_FAILED. "
        "Admins only.",
    )
    @mutation_payload(RegistryCredentialPayload, CredentialCode)
    async def registry_credential_test(
        self,
        info: Info,
        input: Annotated[
            RegistryCredentialIdInput,
            strawberry.argument(description="Which credential."),
        ],
    ) -> RegistryCredentialPayload:
        pk = RegistryCredentialNode.pk_of(input.id, "id")
        row = await credentials.test_credential(
            actor(info),
            pk,
            info.context.meta,
            settings=info.context.settings,
            driver=info.context.services.driver,
        )
        return RegistryCredentialPayload(registry_credential=await _node(row.id))

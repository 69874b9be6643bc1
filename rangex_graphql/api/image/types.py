"""``ImageVariant`` (the image catalog) and ``RegistryCredential`` (never its secret)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from uuid import UUID

import strawberry

from ...models import ImageVariant, RegistryCredential
from ...models.enums import MachineRole
from ...models.image import ImageApproval, ImageSizeClass
from ..context import Info
from ..enums import register
from ..node import USER_TYPES, Node, RowNode, node_type, nodes_by_id, row_node, same
from ..payload import ERROR_CODE, ERROR_MESSAGE

USER_NODE = node_type("UserNode", USER_TYPES)

register(
    ImageSizeClass,
    "How much an image holds.",
    {
        ImageSizeClass.LITE: "A minimal image: a service or two, small to pull.",
        ImageSizeClass.STANDARD: "A usual lab machine.",
        ImageSizeClass.FULL: "A full workstation (desktop, many tools): large to pull.",
    },
)
register(
    ImageApproval,
    "Where an image stands: machines may use APPROVED images only.",
    {
        ImageApproval.PENDING: "Requested by a creator; an admin has not reviewed it yet.",
        ImageApproval.APPROVED: "Machines may use it.",
        ImageApproval.REJECTED: "An admin refused it (see `reviewReason`).",
    },
)


@strawberry.enum(description="Why an image catalog change was refused.")
class ImageErrorCode(Enum):
    NOT_FOUND = strawberry.enum_value("NOT_FOUND", description="No such catalog entry.")
    INVALID = strawberry.enum_value("INVALID", description="Malformed or out of range.")
    REQUIRED = strawberry.enum_value("REQUIRED", description="Missing (a rejection's reason).")
    DUPLICATE = strawberry.enum_value(
        "DUPLICATE", description="The image reference is in the catalog already."
    )
    ALREADY_REVIEWED = strawberry.enum_value(
        "ALREADY_REVIEWED", description="The request was approved or rejected already."
    )
    IMAGE_UNAVAILABLE = strawberry.enum_value(
        "IMAGE_UNAVAILABLE", description="The engine could not pull the image to pin its digest."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class ImageError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: ImageErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.enum(description="Why a registry credential change was refused.")
class RegistryCredentialErrorCode(Enum):
    NOT_FOUND = strawberry.enum_value("NOT_FOUND", description="No such credential.")
    INVALID = strawberry.enum_value("INVALID", description="Malformed or out of range.")
    REQUIRED = strawberry.enum_value("REQUIRED", description="Missing.")
    DUPLICATE = strawberry.enum_value(
        "DUPLICATE", description="The registry has a credential already."
    )
    CREDENTIAL_TEST_FAILED = strawberry.enum_value(
        "CREDENTIAL_TEST_FAILED",
        description="The registry refused the login, or could not be reached.",
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class RegistryCredentialError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: RegistryCredentialErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@row_node(
    ImageVariant,
    columns={
        "pk": "id",
        **same(
            "name",
            "image_ref",
            "pinned_ref",
            "base_os",
            "size_class",
            "default_cpu",
            "default_memory_mib",
            "hourly_price_usd",
            "approval",
            "reviewed_at",
            "review_reason",
            "created_at",
            "requested_by_id",
        ),
        "role_values": "roles",
        "tools": "tools",
    },
)
@strawberry.type(
    name="ImageVariant",
    description="An image of the catalog. A version's machines must use APPROVED images "
    "(`imageRef` or `pinnedRef`) to be submitted. Creators and admins read the approved "
    "ones; a requested image is its requester's and admins'.",
)
class ImageVariantNode(RowNode, Node):
    name: str = strawberry.field(description="What to call it in a list.")
    image_ref: str = strawberry.field(description="The image reference machines use.")
    pinned_ref: str | None = strawberry.field(
        description="`repository@sha256:…`: the digest the registry served when it was "
        "approved; null when the engine has no registry access (the simulated and ECS "
        "engines), and the tag stays as given."
    )
    base_os: str = strawberry.field(description='Its base system ("debian-12").')
    size_class: ImageSizeClass = strawberry.field(description="How much it holds.")
    default_cpu: float = strawberry.field(description="vCPU a machine gets by default.")
    default_memory_mib: int = strawberry.field(description="MiB a machine gets by default.")
    hourly_price_usd: Decimal = strawberry.field(description="USD an hour of running it costs.")
    tools: list[str] = strawberry.field(description="Tools it ships.")
    approval: ImageApproval = strawberry.field(description="Where it stands.")
    reviewed_at: datetime | None = strawberry.field(
        description="When an admin approved or rejected it; null while PENDING."
    )
    review_reason: str | None = strawberry.field(description="The reviewer's words, if any.")
    created_at: datetime = strawberry.field(description="When it entered the catalog.")
    pk: strawberry.Private[UUID]
    requested_by_id: strawberry.Private[UUID | None]
    role_values: strawberry.Private[list[str]]

    @strawberry.field(description="The machine roles it suits.")
    def roles(self) -> list[MachineRole]:
        return [MachineRole(role) for role in self.role_values]

    @strawberry.field(
        description="The creator who asked for it; null for an admin's entry.",
        graphql_type=USER_NODE | None,
    )
    async def requested_by(self, info: Info) -> RowNode | None:
        if self.requested_by_id is None:
            return None
        found: RowNode | None = await info.context.loader(nodes_by_id("User")).load(
            self.requested_by_id
        )
        return found


@row_node(
    RegistryCredential,
    columns={
        "pk": "id",
        **same(
            "registry_host",
            "username",
            "last_tested_at",
            "last_test_ok",
            "last_test_message",
            "created_at",
            "updated_at",
        ),
        "sealed": "secret_sealed",
    },
)
@strawberry.type(
    name="RegistryCredential",
    description="A login to a private registry: the engines pull the images of that "
    "registry with it. Admins only; the secret is never shown, only whether there is one.",
)
class RegistryCredentialNode(RowNode, Node):
    registry_host: str = strawberry.field(
        description='The registry it logs in to ("registry.example.com:5000").'
    )
    username: str = strawberry.field(description="The registry user.")
    last_tested_at: datetime | None = strawberry.field(
        description="When its login was last checked against the registry."
    )
    last_test_ok: bool | None = strawberry.field(
        description="Whether that check passed; null when never checked."
    )
    last_test_message: str | None = strawberry.field(
        description="Why the last check failed; null when it passed."
    )
    created_at: datetime = strawberry.field(description="When it was added.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    pk: strawberry.Private[UUID]
    sealed: strawberry.Private[str]

    @strawberry.field(description="Whether a secret is stored (it is never returned).")
    def has_secret(self) -> bool:
        return bool(self.sealed)


@strawberry.type(description="What an image catalog mutation did.")
class ImageVariantPayload:
    image_variant: ImageVariantNode | None = strawberry.field(
        default=None, description="The catalog entry as it is now; null when it failed."
    )
    errors: list[ImageError] = strawberry.field(
        default_factory=list, description="Why it did nothing; empty when it succeeded."
    )


@strawberry.type(description="What a registry credential mutation did.")
class RegistryCredentialPayload:
    registry_credential: RegistryCredentialNode | None = strawberry.field(
        default=None, description="The credential as it is now; null when it failed."
    )
    errors: list[RegistryCredentialError] = strawberry.field(
        default_factory=list, description="Why it did nothing; empty when it succeeded."
    )


@strawberry.type(description="What registryCredentialDelete did.")
class RegistryCredentialDeletePayload:
    deleted_registry_credential_id: strawberry.ID | None = strawberry.field(
        default=None, description="The global ID the credential had; null when it failed."
    )
    errors: list[RegistryCredentialError] = strawberry.field(
        default_factory=list, description="Why it did nothing; empty when it succeeded."
    )


image_variants_by_id = nodes_by_id("ImageVariant")

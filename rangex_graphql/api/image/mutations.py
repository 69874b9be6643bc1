"""The image catalog's mutations: imageVariantCreate/Update (admins), imageApprovalRequest
(creators) and imageApprovalReview (admins)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from ...models.enums import MachineRole, UserRole
from ...models.image import ImageSizeClass
from ...services.api_tokens import ApiScope
from ...services.images import catalog
from ...services.images.errors import ImageCode
from ..authoring.mutations.common import from_input
from ..context import Info
from ..payload import actor, broker_of, mutation_payload
from ..permissions import Allow
from .types import ImageVariantNode, ImageVariantPayload


@strawberry.input(description="A catalog entry, or a creator's image to approve.")
class ImageVariantInput:
    name: str = strawberry.field(description="What to call it: 1-120 characters.")
    image_ref: str = strawberry.field(
        description="The image reference machines will use: [registry/]name[:tag|@sha256:…]."
    )
    base_os: str = strawberry.field(default="", description="Its base system, 64 characters.")
    size_class: ImageSizeClass = strawberry.field(
        default=ImageSizeClass.STANDARD, description="How much it holds."
    )
    default_cpu: float = strawberry.field(default=0.5, description="vCPU by default: 0.1-8.")
    default_memory_mib: int = strawberry.field(default=512, description="MiB by default: 64-32768.")
    hourly_price_usd: Decimal = strawberry.field(
        default=Decimal("0"), description="USD an hour of running it costs: 0-1000."
    )
    roles: list[MachineRole] = strawberry.field(
        default_factory=list, description="The machine roles it suits."
    )
    tools: list[str] = strawberry.field(
        default_factory=list, description="Tools it ships (at most 30, 40 characters each)."
    )


@strawberry.input(description="Changes to a catalog entry; absent fields stay as they are.")
class ImageVariantUpdateInput:
    id: strawberry.ID = strawberry.field(description="The ImageVariant to change.")
    name: str | None = strawberry.field(default=None, description="1-120 characters.")
    base_os: str | None = strawberry.field(default=None, description="64 characters.")
    size_class: ImageSizeClass | None = strawberry.field(
        default=None, description="How much it holds."
    )
    default_cpu: float | None = strawberry.field(default=None, description="0.1-8 vCPU.")
    default_memory_mib: int | None = strawberry.field(default=None, description="64-32768 MiB.")
    hourly_price_usd: Decimal | None = strawberry.field(default=None, description="0-1000 USD.")
    roles: list[MachineRole] | None = strawberry.field(
        default=None, description="The machine roles it suits."
    )
    tools: list[str] | None = strawberry.field(default=None, description="Its tools.")


@strawberry.input(description="An admin's decision on a requested image.")
class ImageApprovalReviewInput:
    id: strawberry.ID = strawberry.field(description="The PENDING ImageVariant.")
    approve: bool = strawberry.field(description="true: approve it; false: reject it.")
    reason: str | None = strawberry.field(
        default=None, description="Why: required to reject (2,000 characters at most)."
    )


async def _node(variant_id: object) -> ImageVariantNode:
    found = await ImageVariantNode.read(variant_id)  # type: ignore[arg-type]
    assert found is not None
    return found


@strawberry.type
class ImageMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Add an image to the catalog, approved. Pinned to the digest the "
        "registry serves when the engine can pull it (Docker). Admins only.",
    )
    @mutation_payload(ImageVariantPayload, ImageCode)
    async def image_variant_create(
        self,
        info: Info,
        input: Annotated[ImageVariantInput, strawberry.argument(description="The image.")],
    ) -> ImageVariantPayload:
        row = await catalog.create_variant(
            actor(info),
            from_input(catalog.VariantSpec, input),
            info.context.meta,
            settings=info.context.settings,
            driver=info.context.services.driver,
        )
        return ImageVariantPayload(image_variant=await _node(row.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Change a catalog entry's description (never its image reference). "
        "Admins only.",
    )
    @mutation_payload(ImageVariantPayload, ImageCode)
    async def image_variant_update(
        self,
        info: Info,
        input: Annotated[
            ImageVariantUpdateInput, strawberry.argument(description="The entry and changes.")
        ],
    ) -> ImageVariantPayload:
        variant_id = ImageVariantNode.pk_of(input.id, "id")
        row = await catalog.update_variant(
            actor(info), variant_id, from_input(catalog.VariantChanges, input), info.context.meta
        )
        return ImageVariantPayload(image_variant=await _node(row.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Ask for an image to be approved for machines: it enters the catalog "
        "PENDING until an admin reviews it (imageApprovalReview); the requester is notified.",
    )
    @mutation_payload(ImageVariantPayload, ImageCode)
    async def image_approval_request(
        self,
        info: Info,
        input: Annotated[ImageVariantInput, strawberry.argument(description="The image.")],
    ) -> ImageVariantPayload:
        row = await catalog.request_approval(
            actor(info), from_input(catalog.VariantSpec, input), info.context.meta
        )
        return ImageVariantPayload(image_variant=await _node(row.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Approve (pinning its digest when the engine can pull it) or reject a "
        "requested image. Admins only.",
    )
    @mutation_payload(ImageVariantPayload, ImageCode)
    async def image_approval_review(
        self,
        info: Info,
        input: Annotated[
            ImageApprovalReviewInput, strawberry.argument(description="The decision.")
        ],
    ) -> ImageVariantPayload:
        variant_id = ImageVariantNode.pk_of(input.id, "id")
        row = await catalog.review_request(
            actor(info),
            variant_id,
            input.approve,
            input.reason,
            info.context.meta,
            settings=info.context.settings,
            driver=info.context.services.driver,
            broker=broker_of(info),
        )
        return ImageVariantPayload(image_variant=await _node(row.id))

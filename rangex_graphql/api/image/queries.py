"""Reading the image catalog (creators and admins) and the registry credentials (admins),
and ``node(id:)`` for both."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from ...models import ImageVariant, RegistryCredential
from ...models.enums import MachineRole, UserRole
from ...models.image import ImageApproval
from ..context import Info
from ..node import Node
from ..pagination import After, Before, Connection, First, Last, PageRequest, SortKey, paginate
from ..permissions import Allow
from ..viewer import Viewer
from .types import ImageVariantNode, RegistryCredentialNode

CREATED = SortKey("created_at", datetime)


@strawberry.input(description="Narrow the image catalog. All given conditions must hold.")
class ImageVariantFilter:
    approval: ImageApproval | None = strawberry.field(
        default=None, description="Only images in this state."
    )
    role: MachineRole | None = strawberry.field(
        default=None, description="Only images suited to this machine role."
    )


def visible_variants(viewer: Viewer | None) -> QuerySet[ImageVariant]:
    """Admins see every entry; creators the approved ones and their own requests; others
    none."""
    if viewer is not None and viewer.is_admin:
        return ImageVariant.all()
    if viewer is not None and viewer.is_creator:
        return ImageVariant.filter(
            Q(approval=ImageApproval.APPROVED) | Q(requested_by_id=viewer.id)
        )
    return ImageVariant.filter(id__in=[])


async def _suited(queryset: QuerySet[ImageVariant], role: MachineRole) -> QuerySet[ImageVariant]:
    # The roles are a JSON list, and neither dialect indexes into it portably; the catalog
    # is admin-curated (tens of rows), so the ids are picked here.
    rows = await queryset.values_list("id", "roles")
    return queryset.filter(id__in=[pk for pk, roles in rows if role.value in (roles or [])])


@strawberry.type
class ImageQuery:
    @strawberry.field(
        extensions=[Allow(role=UserRole.CREATOR)],
        description="The image catalog, oldest first: what a machine's `imageRef` may be. "
        "Creators see the approved images and their own requests; admins everything.",
    )
    async def image_variants(
        self,
        info: Info,
        filter: Annotated[
            ImageVariantFilter | None,
            strawberry.argument(description="Only entries that meet every condition given."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ImageVariantNode]:
        page = PageRequest.parse(
            CREATED,
            first=first,
            after=after,
            last=last,
            before=before,
            settings=info.context.settings,
        )
        queryset = visible_variants(info.context.viewer)
        if filter is not None and filter.approval is not None:
            queryset = queryset.filter(approval=filter.approval)
        if filter is not None and filter.role is not None:
            queryset = await _suited(queryset, filter.role)
        return await paginate(
            queryset,
            page,
            CREATED,
            descending=False,
            columns=ImageVariantNode.columns(),
            to_node=ImageVariantNode.from_row,
        )

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="The private registries' credentials, oldest first. Admins only; "
        "no secret is ever shown.",
    )
    async def registry_credentials(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[RegistryCredentialNode]:
        page = PageRequest.parse(
            CREATED,
            first=first,
            after=after,
            last=last,
            before=before,
            settings=info.context.settings,
        )
        return await paginate(
            RegistryCredential.all(),
            page,
            CREATED,
            descending=False,
            columns=RegistryCredentialNode.columns(),
            to_node=RegistryCredentialNode.from_row,
        )


async def resolve_image_variant_node(info: Info, pk: UUID) -> Node | None:
    rows = (
        await visible_variants(info.context.viewer)
        .filter(id=pk)
        .values(*ImageVariantNode.columns())
    )
    return ImageVariantNode.from_row(rows[0]) if rows else None


async def resolve_registry_credential_node(info: Info, pk: UUID) -> Node | None:
    """Admins only: to anyone else it does not exist."""
    viewer = info.context.viewer
    if viewer is None or not viewer.is_admin:
        return None
    return await RegistryCredentialNode.read(pk)

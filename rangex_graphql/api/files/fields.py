"""The files fields other types carry: ``ScenarioVersion.coverUrl`` and ``assets``,
``User.avatarUrl``; their loaders read one statement per batch whatever the list sizes.
Object keys never leave the server: a reader gets short-lived links."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from ...files.factory import build_store
from ...models import ScenarioVersion, User, VersionAsset
from ...models.enums import AssetDelivery, AssetKind
from ...services.authoring.visibility import can_see_unpublished
from ..context import Info
from ..ids import to_global_id
from ..request_loader import RequestLoader
from .types import VersionAssetType

ASSET_COLUMNS = (
    "id",
    "version_id",
    "filename",
    "kind",
    "delivery",
    "description",
    "machine_name",
    "target_path",
    "permissions",
    "created_at",
    "file_id",
    "file__size",
    "file__content_type",
)


def _asset(row: dict[str, Any]) -> VersionAssetType:
    return VersionAssetType(
        id=to_global_id("VersionAsset", row["id"]),  # type: ignore[arg-type]
        filename=row["filename"],
        kind=AssetKind(row["kind"]),
        delivery=AssetDelivery(row["delivery"]),
        file_size=int(row["file__size"]),
        file_content_type=row["file__content_type"],
        version_id=row["version_id"],
        file_id=row["file_id"],
        description=row["description"],
        machine_name=row["machine_name"],
        target_path=row["target_path"],
        permissions=int(row["permissions"]),
        created_at=row["created_at"],
    )


def assets_by_version() -> DataLoader[UUID, list[VersionAssetType]]:
    async def load(keys: list[UUID]) -> list[list[VersionAssetType]]:
        rows = (
            await VersionAsset.filter(version_id__in=keys)
            .order_by("created_at", "id")
            .values(*ASSET_COLUMNS)
        )
        grouped: dict[str, list[VersionAssetType]] = {}
        for row in rows:
            grouped.setdefault(str(row["version_id"]), []).append(_asset(row))
        return [grouped.get(str(key), []) for key in keys]

    return RequestLoader(load_fn=load)


def cover_keys_by_version() -> DataLoader[UUID, str | None]:
    async def load(keys: list[UUID]) -> list[str | None]:
        rows = await ScenarioVersion.filter(id__in=keys, cover_file_id__isnull=False).values(
            "id", "cover_file__object_key"
        )
        found = {str(row["id"]): row["cover_file__object_key"] for row in rows}
        return [found.get(str(key)) for key in keys]

    return RequestLoader(load_fn=load)


def avatar_keys_by_user() -> DataLoader[UUID, str | None]:
    async def load(keys: list[UUID]) -> list[str | None]:
        from ...models import StoredFile

        rows = await User.filter(id__in=keys, avatar_file_id__isnull=False).values(
            "id", "avatar_file_id"
        )
        files = {str(row["avatar_file_id"]): str(row["id"]) for row in rows}
        stored = (
            await StoredFile.filter(id__in=list(files)).values("id", "object_key") if files else []
        )
        found = {files[str(row["id"])]: row["object_key"] for row in stored}
        return [found.get(str(key)) for key in keys]

    return RequestLoader(load_fn=load)


async def link(info: Info, key: str | None) -> str | None:
    if key is None:
        return None
    settings = info.context.settings
    expires_at = datetime.now(UTC) + timedelta(seconds=settings.files_url_seconds)
    return await build_store(settings).presign_download(key, expires_at)


async def cover_url(info: Info, version_id: UUID) -> str | None:
    return await link(info, await info.context.loader(cover_keys_by_version).load(version_id))


async def avatar_url(info: Info, user_id: UUID) -> str | None:
    return await link(info, await info.context.loader(avatar_keys_by_user).load(user_id))


def asset_for_reader(
    info: Info, asset: VersionAssetType, author_id: UUID
) -> VersionAssetType | None:
    """The asset as a reader of its version sees it: whole for the author and admins; for
    other readers (who read the version only when they may play it) a DOWNLOAD one
    without placement details, an EMBEDDED one not at all."""
    if can_see_unpublished(info.context.viewer, author_id):
        return asset
    if asset.delivery is not AssetDelivery.DOWNLOAD:
        return None
    return dataclasses.replace(asset, machine_name=None, target_path=None)


async def version_assets(info: Info, version_id: UUID, author_id: UUID) -> list[VersionAssetType]:
    """Every asset for the author and admins; the DOWNLOAD ones for other readers."""
    assets = await info.context.loader(assets_by_version).load(version_id)
    shown = (asset_for_reader(info, a, author_id) for a in assets)
    return [a for a in shown if a is not None]


def assets_by_id() -> DataLoader[UUID, tuple[UUID, VersionAssetType] | None]:
    """Assets by primary key with their version's ID (``node``): one statement a batch."""

    async def load(keys: list[UUID]) -> list[tuple[UUID, VersionAssetType] | None]:
        rows = await VersionAsset.filter(id__in=keys).values(*ASSET_COLUMNS)
        found = {str(row["id"]): (row["version_id"], _asset(row)) for row in rows}
        return [found.get(str(key)) for key in keys]

    return RequestLoader(load_fn=load)

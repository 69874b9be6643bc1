"""A version's assets: change and delete while the version is DRAFT or REJECTED (the
author or an admin), copy into a new version (the same objects, shared), and the
session owner's short-lived download link."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from ...db.transactions import retrying_transaction
from ...files.store import ObjectStore
from ...models import EnvironmentSession, Machine, ScenarioVersion, StoredFile, VersionAsset
from ...models.enums import AssetDelivery, AssetKind, SessionState
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..authoring.access import Actor, require_editable, version_for_change
from ..errors import DomainError, DomainErrors
from .errors import FileCode
from .rules import Placement, filename_errors, placement_errors
from .storage import release

ASSET_FIELD = "input.assetId"
NOT_YOURS = "no such asset, or not yours to change"
# A download link works this long at most, whatever the upload links' lifetime.
DOWNLOAD_SECONDS = 300


async def machine_errors(version_id: UUID, placement: Placement, prefix: str) -> list[DomainError]:
    """An EMBEDDED asset's machine must be one of the version's."""
    if placement.delivery is not AssetDelivery.EMBEDDED or not placement.machine_name:
        return []
    if await Machine.filter(version_id=version_id, name=placement.machine_name).exists():
        return []
    return [
        DomainError(
            FileCode.MACHINE_NOT_FOUND,
            f"the version has no machine named {placement.machine_name!r}",
            f"{prefix}.machineName",
        )
    ]


@dataclass(frozen=True, slots=True)
class AssetChanges:
    """Fields to change; None leaves one as it is."""

    filename: str | None = None
    kind: AssetKind | None = None
    description: str | None = None
    delivery: AssetDelivery | None = None
    machine_name: str | None = None
    target_path: str | None = None
    permissions: int | None = None


async def _version_of(asset_id: UUID) -> UUID:
    found = await VersionAsset.filter(id=asset_id).values_list("version_id", flat=True)
    if not found:
        raise DomainError(FileCode.ASSET_NOT_FOUND, NOT_YOURS, ASSET_FIELD)
    return UUID(str(found[0]))


async def _asset_for_change(actor: Actor, asset_id: UUID) -> VersionAsset:
    version_id = await _version_of(asset_id)
    try:
        version = (await version_for_change(actor, version_id, ASSET_FIELD)).version
    except DomainError:
        raise DomainError(FileCode.ASSET_NOT_FOUND, NOT_YOURS, ASSET_FIELD) from None
    require_editable(version, ASSET_FIELD)
    row = await VersionAsset.filter(id=asset_id, version_id=version_id).first()
    if row is None:
        raise DomainError(FileCode.ASSET_NOT_FOUND, NOT_YOURS, ASSET_FIELD)
    return row


async def update_asset(
    actor: Actor, asset_id: UUID, changes: AssetChanges, meta: RequestMeta
) -> UUID:
    """Change an asset's name, kind, description or placement; its version's id."""

    async def change() -> UUID:
        row = await _asset_for_change(actor, asset_id)
        current = Placement(
            delivery=AssetDelivery(row.delivery),
            machine_name=row.machine_name,
            target_path=row.target_path,
            permissions=row.permissions,
        )
        placement = replace(
            current,
            **{
                name: value
                for name in ("delivery", "machine_name", "target_path", "permissions")
                if (value := getattr(changes, name)) is not None
            },
        )
        errors = placement_errors(placement, "input")
        if changes.filename is not None:
            errors += filename_errors(changes.filename, "input.filename")
        if changes.description is not None and len(changes.description) > 500:
            errors.append(
                DomainError(
                    FileCode.TARGET_REQUIRED,
                    "a description has at most 500 characters",
                    "input.description",
                )
            )
        errors += await machine_errors(row.version_id, placement, "input")  # type: ignore[attr-defined]
        if errors:
            raise DomainErrors(errors)
        embedded = placement.delivery is AssetDelivery.EMBEDDED
        values = {
            "delivery": placement.delivery,
            "machine_name": placement.machine_name if embedded else None,
            "target_path": placement.target_path if embedded else None,
            "permissions": placement.permissions,
        }
        if changes.filename is not None:
            values["filename"] = changes.filename
        if changes.kind is not None:
            values["kind"] = changes.kind
        if changes.description is not None:
            values["description"] = changes.description.strip()
        await VersionAsset.filter(id=row.id).update(**values)
        await audit(
            "asset.update",
            meta,
            actor_id=actor.id,
            target_type="VersionAsset",
            target_id=row.id,
            fields=sorted(f.name for f in fields(changes) if getattr(changes, f.name) is not None),
        )
        return UUID(str(row.version_id))  # type: ignore[attr-defined]

    return await retrying_transaction(change)


async def delete_asset(actor: Actor, asset_id: UUID, store: ObjectStore, meta: RequestMeta) -> UUID:
    """Delete a DRAFT or REJECTED version's asset, and its object when no other version
    (a published one it was copied from, say) refers to it. Its version's id."""

    async def delete() -> tuple[UUID, UUID]:
        row = await _asset_for_change(actor, asset_id)
        await VersionAsset.filter(id=row.id).delete()
        await audit(
            "asset.delete",
            meta,
            actor_id=actor.id,
            target_type="VersionAsset",
            target_id=row.id,
            version_id=str(row.version_id),  # type: ignore[attr-defined]
        )
        return UUID(str(row.version_id)), UUID(str(row.file_id))  # type: ignore[attr-defined]

    version_id, file_id = await retrying_transaction(delete)
    await release(store, [file_id])
    return version_id


async def copy_assets(source_id: UUID, target_id: UUID) -> None:
    """In the caller's transaction (versionCreate with copyFrom): the source's assets
    and cover for the new version, referring to the same objects. The files' rows are
    locked first, so a concurrent removal of one either happens before (it is skipped)
    or waits until this commits (and then sees the reference)."""
    rows = await VersionAsset.filter(version_id=source_id).values(
        "file_id",
        "filename",
        "kind",
        "delivery",
        "machine_name",
        "target_path",
        "permissions",
        "description",
    )
    cover = await ScenarioVersion.filter(id=source_id).values_list("cover_file_id", flat=True)
    wanted = {str(row["file_id"]) for row in rows} | {str(c) for c in cover if c}
    alive = (
        {
            str(file.id)
            for file in await StoredFile.filter(id__in=list(wanted)).select_for_update().only("id")
        }
        if wanted
        else set()
    )
    await VersionAsset.bulk_create(
        [
            VersionAsset(id=uuid4(), version_id=target_id, **row)
            for row in rows
            if str(row["file_id"]) in alive
        ]
    )
    if cover and cover[0] and str(cover[0]) in alive:
        await ScenarioVersion.filter(id=target_id).update(cover_file_id=cover[0])


@dataclass(frozen=True, slots=True)
class Download:
    url: str
    expires_at: datetime


async def session_asset_download(
    actor: Actor,
    session_id: UUID,
    asset_id: UUID,
    settings: Settings,
    store: ObjectStore,
    meta: RequestMeta,
) -> Download:
    """A short-lived link to a DOWNLOAD asset of the actor's RUNNING session's version."""
    session = await EnvironmentSession.filter(id=session_id, user_id=actor.id).values(
        "version_id", "state"
    )
    if not session:
        raise DomainError(FileCode.SESSION_NOT_FOUND, "no such session of yours", "input.sessionId")
    if SessionState(session[0]["state"]) is not SessionState.RUNNING:
        raise DomainError(
            FileCode.SESSION_NOT_RUNNING, "the session is not RUNNING", "input.sessionId"
        )
    asset = await VersionAsset.filter(id=asset_id, version_id=session[0]["version_id"]).values(
        "delivery", "filename", "file__object_key"
    )
    if not asset:
        raise DomainError(
            FileCode.ASSET_NOT_FOUND, "the session's version has no such asset", ASSET_FIELD
        )
    if AssetDelivery(asset[0]["delivery"]) is not AssetDelivery.DOWNLOAD:
        raise DomainError(
            FileCode.NOT_DOWNLOADABLE,
            "this asset is placed into a machine, not downloaded",
            ASSET_FIELD,
        )
    expires_at = datetime.now(UTC) + timedelta(
        seconds=min(settings.files_url_seconds, DOWNLOAD_SECONDS)
    )
    url = await store.presign_download(
        asset[0]["file__object_key"], expires_at, filename=asset[0]["filename"]
    )
    await audit(
        "asset.download",
        meta,
        actor_id=actor.id,
        target_type="VersionAsset",
        target_id=asset_id,
        session_id=str(session_id),
    )
    return Download(url, expires_at)

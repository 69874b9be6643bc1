"""Uploads: ``create_upload`` reserves quota and presigns a POST; ``complete_upload``
checks the object the client put (size, sniffed type, image dimensions) and attaches it
(a version's cover, the user's avatar, a new version asset). An object that fails its
checks is deleted with its row: it leaves no attached file and no orphan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from ...db.transactions import retrying_transaction
from ...files.images import HEADER_BYTES, ImageSize, image_size, sniff_type
from ...files.store import ObjectStore, PresignedUpload, UploadConditions
from ...models import ScenarioVersion, StoredFile, User, VersionAsset
from ...models.enums import AssetKind, FileKind, FileState
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..authoring.access import Actor, fk, require_editable, version_for_change
from ..errors import DomainError, DomainErrors
from ..sessions.platform_lock import with_lock_row
from .assets import machine_errors
from .errors import FileCode
from .rules import (
    IMAGE_TYPES,
    MAX_IMAGE_SIDE,
    MIN_IMAGE_SIDE,
    Placement,
    UploadRequest,
    filename_errors,
    max_size,
    placement_errors,
    request_errors,
)
from .storage import FILE_QUOTA, StorageQuotas, check_quota, delete_objects, release

UPLOAD_FIELD = "input.uploadId"


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class CreatedUpload:
    file_id: UUID
    upload: PresignedUpload


async def create_upload(
    actor: Actor,
    request: UploadRequest,
    settings: Settings,
    quotas: StorageQuotas,
    store: ObjectStore,
    meta: RequestMeta,
) -> CreatedUpload:
    """Reserve ``request.size`` bytes of the user's quota and presign the upload."""
    errors = request_errors(request, settings)
    if errors:
        raise DomainErrors(errors)
    file_id = uuid4()
    started = now()
    expires_at = started + timedelta(seconds=settings.files_url_seconds)

    async def insert() -> None:
        await check_quota(quotas, actor.id, request.size, started, "input.size")
        await StoredFile.create(
            id=file_id,
            owner_id=actor.id,
            kind=request.kind,
            state=FileState.PENDING,
            object_key=f"files/{file_id}",
            upload_key=f"uploads/{file_id}",
            filename=request.filename,
            content_type=request.content_type,
            size=request.size,
            expires_at=expires_at,
        )
        await audit(
            "file.upload_create",
            meta,
            actor_id=actor.id,
            target_type="StoredFile",
            target_id=file_id,
            kind=request.kind,
            size=request.size,
            content_type=request.content_type,
        )

    await with_lock_row(FILE_QUOTA, lambda: retrying_transaction(insert))
    upload = await store.presign_upload(
        UploadConditions(
            key=f"uploads/{file_id}",
            content_type=request.content_type,
            min_size=request.size,
            max_size=request.size,
            expires_at=expires_at,
        )
    )
    return CreatedUpload(file_id, upload)


@dataclass(frozen=True, slots=True)
class AssetTarget:
    """What a completed ASSET upload becomes."""

    kind: AssetKind
    placement: Placement
    filename: str | None = None  # the upload's file name when absent
    description: str = ""


@dataclass(frozen=True, slots=True)
class AttachTarget:
    """Where a completed upload goes: COVER and ASSET name a version; ASSET says how."""

    version_id: UUID | None = None
    asset: AssetTarget | None = None


def target_errors(kind: FileKind, target: AttachTarget) -> list[DomainError]:
    if kind is FileKind.AVATAR:
        return []
    if target.version_id is None:
        return [
            DomainError(FileCode.TARGET_REQUIRED, f"a {kind} names its version", "input.versionId")
        ]
    if kind is FileKind.ASSET:
        if target.asset is None:
            return [
                DomainError(
                    FileCode.TARGET_REQUIRED, "an ASSET says its kind and delivery", "input.asset"
                )
            ]
        errors = placement_errors(target.asset.placement, "input.asset")
        if target.asset.filename is not None:
            errors += filename_errors(target.asset.filename, "input.asset.filename")
        if len(target.asset.description) > 500:
            errors.append(
                DomainError(
                    FileCode.TARGET_REQUIRED,
                    "a description has at most 500 characters",
                    "input.asset.description",
                )
            )
        return errors
    return []


@dataclass(frozen=True, slots=True)
class Completed:
    file_id: UUID
    kind: FileKind
    version_id: UUID | None
    asset_id: UUID | None


async def _pending(actor: Actor, file_id: UUID) -> StoredFile:
    row = await StoredFile.filter(id=file_id, owner_id=actor.id, state=FileState.PENDING).first()
    if row is None:
        raise DomainError(FileCode.UPLOAD_NOT_FOUND, "no pending upload of yours", UPLOAD_FIELD)
    return row


async def _discard(store: ObjectStore, row: StoredFile) -> None:
    """Forget a failed upload: its row (its quota) and its objects."""
    await StoredFile.filter(id=row.id, state=FileState.PENDING).delete()
    await delete_objects(store, [row.object_key, *([row.upload_key] if row.upload_key else [])])


def check_object(row: StoredFile, size: int, head: bytes, settings: Settings) -> ImageSize | None:
    """Refuse an object that is not what was declared; an image's dimensions."""
    kind = FileKind(row.kind)
    if size != row.size:
        raise DomainError(
            FileCode.SIZE_MISMATCH,
            f"the object has {size} bytes, not the {row.size} declared",
            UPLOAD_FIELD,
        )
    if size > max_size(settings, kind):
        raise DomainError(FileCode.TOO_LARGE, f"a {kind} is smaller", UPLOAD_FIELD)
    sniffed = sniff_type(head)
    if kind is FileKind.ASSET:
        if row.content_type in IMAGE_TYPES and sniffed != row.content_type:
            raise DomainError(
                FileCode.CONTENT_MISMATCH, f"the file is not {row.content_type}", UPLOAD_FIELD
            )
        return None
    if sniffed != row.content_type:
        raise DomainError(
            FileCode.CONTENT_MISMATCH,
            f"the file is {sniffed or 'not an image'}, not {row.content_type}",
            UPLOAD_FIELD,
        )
    dimensions = image_size(head)
    low = MIN_IMAGE_SIDE[kind]
    if dimensions is None or not (
        low <= dimensions.width <= MAX_IMAGE_SIDE and low <= dimensions.height <= MAX_IMAGE_SIDE
    ):
        seen = f"{dimensions.width}x{dimensions.height}" if dimensions else "unreadable"
        raise DomainError(
            FileCode.IMAGE_DIMENSIONS,
            f"a {kind} is {low} to {MAX_IMAGE_SIDE} pixels a side; this one is {seen}",
            UPLOAD_FIELD,
        )
    return dimensions


async def _check_target(actor: Actor, kind: FileKind, target: AttachTarget) -> None:
    """The target's rules (in the attaching transaction, with the version locked)."""
    if kind is FileKind.AVATAR:
        return
    assert target.version_id is not None
    version = (await version_for_change(actor, target.version_id, "input.versionId")).version
    require_editable(version, "input.versionId")
    if kind is FileKind.ASSET:
        assert target.asset is not None
        errors = await machine_errors(version.id, target.asset.placement, "input.asset")
        if errors:
            raise DomainErrors(errors)


async def complete_upload(
    actor: Actor,
    file_id: UUID,
    target: AttachTarget,
    settings: Settings,
    quotas: StorageQuotas,
    store: ObjectStore,
    meta: RequestMeta,
) -> Completed:
    row = await _pending(actor, file_id)
    kind = FileKind(row.kind)
    errors = target_errors(kind, target)
    if errors:
        raise DomainErrors(errors)
    # A target the actor may not use fails before the object is touched: the upload
    # stays pending, to be completed with the right target (or swept at expiry).
    await retrying_transaction(lambda: _check_target(actor, kind, target))
    if row.expires_at <= now():
        await _discard(store, row)
        raise DomainError(FileCode.UPLOAD_EXPIRED, "the upload expired: start again", UPLOAD_FIELD)
    assert row.upload_key is not None
    info = await store.head(row.upload_key)
    if info is None:
        raise DomainError(
            FileCode.OBJECT_MISSING, "nothing was uploaded yet: POST the file first", UPLOAD_FIELD
        )
    try:
        head = await store.get(row.upload_key, HEADER_BYTES)
        dimensions = check_object(row, info.size, head, settings)
        await store.copy(row.upload_key, row.object_key)
    except DomainError:
        await _discard(store, row)
        raise
    await store.delete(row.upload_key)
    try:
        done, replaced = await with_lock_row(
            FILE_QUOTA,
            lambda: retrying_transaction(
                lambda: _attach(actor, row, info.size, dimensions, target, quotas, meta)
            ),
        )
    except (DomainError, DomainErrors):
        await _discard(store, row)
        raise
    await release(store, replaced)
    return done


async def _attach(
    actor: Actor,
    row: StoredFile,
    size: int,
    dimensions: ImageSize | None,
    target: AttachTarget,
    quotas: StorageQuotas,
    meta: RequestMeta,
) -> tuple[Completed, list[UUID]]:
    """In one transaction under the quota lock: the quota with the actual size, the
    target's rules again, the attachment. The files it replaced (to release)."""
    kind = FileKind(row.kind)
    await check_quota(quotas, actor.id, size, now(), UPLOAD_FIELD, excluding=row.id)
    await _check_target(actor, kind, target)
    claimed = await StoredFile.filter(id=row.id, state=FileState.PENDING).update(
        state=FileState.ATTACHED,
        size=size,
        width=dimensions.width if dimensions else None,
        height=dimensions.height if dimensions else None,
        completed_at=now(),
    )
    if not claimed:
        raise DomainError(FileCode.UPLOAD_NOT_FOUND, "the upload is gone", UPLOAD_FIELD)
    replaced: list[UUID] = []
    asset_id: UUID | None = None
    if kind is FileKind.AVATAR:
        user = await User.get(id=actor.id)
        if user.avatar_file_id is not None:
            replaced.append(UUID(str(user.avatar_file_id)))
        await User.filter(id=actor.id).update(avatar_file_id=row.id)
    elif kind is FileKind.COVER:
        version = await ScenarioVersion.get(id=target.version_id)
        old = getattr(version, "cover_file_id", None)
        if old is not None:
            replaced.append(fk(version, "cover_file_id"))
        await ScenarioVersion.filter(id=version.id).update(cover_file_id=row.id)
    else:
        assert target.asset is not None
        assert target.version_id is not None
        placement = target.asset.placement
        embedded = placement.delivery.value == "EMBEDDED"
        asset = await VersionAsset.create(
            version_id=target.version_id,
            file_id=row.id,
            filename=target.asset.filename or row.filename,
            kind=target.asset.kind,
            delivery=placement.delivery,
            machine_name=placement.machine_name if embedded else None,
            target_path=placement.target_path if embedded else None,
            permissions=placement.permissions,
            description=target.asset.description.strip(),
        )
        asset_id = asset.id
    await audit(
        "file.attach",
        meta,
        actor_id=actor.id,
        target_type="StoredFile",
        target_id=row.id,
        kind=kind,
        size=size,
        version_id=str(target.version_id) if target.version_id else None,
        asset_id=str(asset_id) if asset_id else None,
    )
    return Completed(row.id, kind, target.version_id, asset_id), replaced

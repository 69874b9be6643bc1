"""What files take: quotas counted under locks, references, and removing a file whose
last reference went (its row, then its objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.expressions import Q
from tortoise.functions import Sum

from ...db.transactions import retrying_transaction
from ...files.store import ObjectStore
from ...models import ScenarioVersion, StoredFile, User, VersionAsset
from ...models.enums import FileState
from ..errors import DomainError
from ..platform_settings.values import PlatformValues
from ..sessions.platform_lock import hold
from .errors import FileCode

# The platform_lock row uploads take turns on, so the total quota is exact.
FILE_QUOTA = "file-quota"


def counted(now: datetime) -> Q:
    """Files that count in a quota: attached ones, and pending uploads not yet expired."""
    return Q(state=FileState.ATTACHED) | Q(state=FileState.PENDING, expires_at__gt=now)


async def _bytes(where: Q) -> int:
    rows = await StoredFile.filter(where).annotate(total=Sum("size")).values("total")
    return int(rows[0]["total"] or 0) if rows else 0


@dataclass(frozen=True, slots=True)
class StorageQuotas:
    """Bytes one user, and all users together, may store: run-time settings
    (services/platform_settings)."""

    per_user: int
    total: int

    @classmethod
    def of(cls, platform: PlatformValues) -> StorageQuotas:
        return cls(platform.files_user_quota_bytes, platform.files_total_quota_bytes)


async def check_quota(
    quotas: StorageQuotas,
    user_id: UUID,
    adding: int,
    now: datetime,
    field: str,
    *,
    excluding: UUID | None = None,
) -> None:
    """Lock the quota row and the user's row (until the transaction ends), then refuse
    ``adding`` bytes beyond the user's or the total quota. ``excluding``: a file already
    counted that is being replaced by ``adding``."""
    await hold(FILE_QUOTA)
    await User.filter(id=user_id).select_for_update().only("id").first()
    others = ~Q(id=excluding) if excluding is not None else Q()
    used = await _bytes(Q(counted(now), others, owner_id=user_id))
    if used + adding > quotas.per_user:
        raise DomainError(
            FileCode.QUOTA_EXCEEDED,
            f"your files would take {used + adding} bytes, more than your quota of "
            f"{quotas.per_user}",
            field,
        )
    total = await _bytes(Q(counted(now), others))
    if total + adding > quotas.total:
        raise DomainError(
            FileCode.TOTAL_QUOTA_EXCEEDED, "the platform's file storage is full", field
        )


async def usage(user_id: UUID, now: datetime) -> int:
    return await _bytes(Q(counted(now), owner_id=user_id))


async def is_referenced(file_id: UUID) -> bool:
    return (
        await VersionAsset.filter(file_id=file_id).exists()
        or await ScenarioVersion.filter(cover_file_id=file_id).exists()
        or await User.filter(avatar_file_id=file_id).exists()
    )


async def forget_if_unreferenced(file_id: UUID) -> list[str]:
    """In the caller's transaction: delete the file's row when nothing refers to it any
    more (its row locked first, so a concurrent copy either sees it or not at all); the
    object keys to delete once the transaction commits."""
    row = await StoredFile.filter(id=file_id).select_for_update().first()
    if row is None or await is_referenced(file_id):
        return []
    await StoredFile.filter(id=file_id).delete()
    return [key for key in (row.object_key, row.upload_key) if key]


async def delete_objects(store: ObjectStore, keys: list[str]) -> None:
    for key in keys:
        await store.delete(key)


async def release(store: ObjectStore, file_ids: list[UUID]) -> None:
    """Remove each of these files that nothing refers to (its own transaction)."""

    async def forget() -> list[str]:
        keys: list[str] = []
        for file_id in file_ids:
            keys += await forget_if_unreferenced(file_id)
        return keys

    if file_ids:
        await delete_objects(store, await retrying_transaction(forget))

"""The files job's pass: remove abandoned uploads (PENDING past their expiry) and their
objects, the upload copies of completed ones, and attached files nothing refers to any
more (a deleted version's assets). Safe on N replicas: rows are claimed with
``FOR UPDATE SKIP LOCKED``, and deleting an object twice does nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.expressions import Subquery

from ...db.transactions import retrying_transaction
from ...files.store import ObjectStore
from ...models import ScenarioVersion, StoredFile, User, VersionAsset
from ...models.enums import FileState
from .storage import delete_objects

# Past its expiry, a pending upload gets this long before it counts as abandoned (a
# completion that began just before the expiry finishes first).
GRACE = timedelta(minutes=1)


async def remove_abandoned(store: ObjectStore, now: datetime, limit: int) -> int:
    """Delete up to ``limit`` abandoned uploads with their objects; how many."""

    async def claim() -> list[str]:
        rows = (
            await StoredFile.filter(state=FileState.PENDING, expires_at__lt=now - GRACE)
            .order_by("expires_at")
            .limit(limit)
            .select_for_update(skip_locked=True)
            .only("id", "object_key", "upload_key")
        )
        if not rows:
            return []
        await StoredFile.filter(id__in=[r.id for r in rows], state=FileState.PENDING).delete()
        return [key for r in rows for key in (r.object_key, r.upload_key) if key]

    keys = await retrying_transaction(claim)
    await delete_objects(store, keys)
    return len([k for k in keys if k.startswith("files/")])


async def sweep_upload_copies(store: ObjectStore, now: datetime, limit: int) -> int:
    """Delete what a client may have put at a completed upload's key before its presigned
    POST expired; the checked object lives under ``object_key``."""

    async def claim() -> list[str]:
        rows = (
            await StoredFile.filter(
                state=FileState.ATTACHED, upload_key__isnull=False, expires_at__lt=now
            )
            .limit(limit)
            .select_for_update(skip_locked=True)
            .only("id", "upload_key")
        )
        if rows:
            await StoredFile.filter(id__in=[r.id for r in rows]).update(upload_key=None)
        return [r.upload_key for r in rows if r.upload_key]

    keys = await retrying_transaction(claim)
    await delete_objects(store, keys)
    return len(keys)


async def remove_unreferenced(store: ObjectStore, now: datetime, limit: int) -> int:
    """Delete attached files no version, asset or user refers to (after GRACE)."""

    async def claim() -> list[str]:
        rows = (
            await StoredFile.filter(state=FileState.ATTACHED, completed_at__lt=now - GRACE)
            .exclude(id__in=Subquery(VersionAsset.all().values("file_id")))
            .exclude(
                id__in=Subquery(
                    ScenarioVersion.filter(cover_file_id__isnull=False).values("cover_file_id")
                )
            )
            .exclude(
                id__in=Subquery(User.filter(avatar_file_id__isnull=False).values("avatar_file_id"))
            )
            .limit(limit)
            .select_for_update(skip_locked=True)
            .only("id", "object_key", "upload_key")
        )
        if not rows:
            return []
        await StoredFile.filter(id__in=[r.id for r in rows]).delete()
        return [key for r in rows for key in (r.object_key, r.upload_key) if key]

    keys = await retrying_transaction(claim)
    await delete_objects(store, keys)
    return len([k for k in keys if k.startswith("files/")])


async def clean_files(store: ObjectStore, now: datetime, limit: int) -> int:
    return (
        await remove_abandoned(store, now, limit)
        + await sweep_upload_copies(store, now, limit)
        + await remove_unreferenced(store, now, limit)
    )

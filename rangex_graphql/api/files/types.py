"""The files domain's GraphQL types: upload payloads, errors, and ``VersionAsset``."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...models import StoredFile, VersionAsset
from ...models.enums import AssetDelivery, AssetKind
from ...services.authoring.errors import AuthoringCode
from ...services.files.errors import FileCode
from ..context import Info
from ..node import Node, RowNode, row_node, same
from ..payload import ERROR_CODE, ERROR_MESSAGE
from ..request_loader import RequestLoader

FILE_CODES = {
    FileCode.INVALID_FILENAME: "1 to 255 letters, digits, '.', '-', '_', '+' or spaces; no "
    "'/', no '..'.",
    FileCode.CONTENT_TYPE_NOT_ALLOWED: "Images are PNG, JPEG or WebP; assets any media type.",
    FileCode.TOO_LARGE: "Larger than files of its kind may be.",
    FileCode.EMPTY_FILE: "A file has at least one byte.",
    FileCode.QUOTA_EXCEEDED: "Your files (pending uploads included) would exceed your quota.",
    FileCode.TOTAL_QUOTA_EXCEEDED: "The platform's storage is full.",
    FileCode.UPLOAD_NOT_FOUND: "No pending upload of yours with this ID.",
    FileCode.UPLOAD_EXPIRED: "The upload expired and is gone: start again.",
    FileCode.OBJECT_MISSING: "Nothing was uploaded yet: POST the file first.",
    FileCode.SIZE_MISMATCH: "The file is not the size declared; the upload is discarded.",
    FileCode.CONTENT_MISMATCH: "The file's bytes are not of its declared type; the upload "
    "is discarded.",
    FileCode.IMAGE_DIMENSIONS: "The image is too small or too large; the upload is discarded.",
    FileCode.TARGET_REQUIRED: "A needed target or value is missing or too long.",
    FileCode.INVALID_TARGET_PATH: "Not an absolute file path without '.' or '..' parts.",
    FileCode.INVALID_PERMISSIONS: "Mode bits are 0 to 0o777 (511).",
    FileCode.MACHINE_NOT_FOUND: "The version has no machine of that name.",
    FileCode.ASSET_NOT_FOUND: "No such asset, or not yours.",
    FileCode.SESSION_NOT_FOUND: "No such session of yours.",
    FileCode.SESSION_NOT_RUNNING: "The session is paused, ended or not started yet.",
    FileCode.NOT_DOWNLOADABLE: "The asset is placed into a machine, not downloaded.",
}
AUTHORING_DESCRIPTIONS = {
    AuthoringCode.NOT_FOUND: "No such version, or not yours to change.",
    AuthoringCode.VERSION_IMMUTABLE: "A PUBLISHED or ARCHIVED version never changes.",
    AuthoringCode.VERSION_IN_REVIEW: "A SUBMITTED or APPROVED version waits for its review.",
    AuthoringCode.STATUS_CONFLICT: "The version changed meanwhile; try again.",
}

# Every FileCode, and every AuthoringCode (the version rules the file mutations share
# with the authoring ones); the authoring codes a file mutation cannot meet say so.
FileErrorCode = strawberry.enum(  # type: ignore[call-overload]
    Enum(
        "FileErrorCode",
        {
            **{
                code.value: strawberry.enum_value(code.value, description=text)
                for code, text in FILE_CODES.items()
            },
            **{
                code.value: strawberry.enum_value(
                    code.value,
                    description=AUTHORING_DESCRIPTIONS.get(
                        code, "An authoring rule (see AuthoringErrorCode)."
                    ),
                )
                for code in AuthoringCode
            },
        },
    ),
    description="Why a file mutation did nothing.",
)


@strawberry.type(description="Why a file mutation did nothing: which input field, why.")
class FileError:
    field: str | None = strawberry.field(description="Input field path, e.g. `input.size`.")
    code: FileErrorCode = strawberry.field(description=ERROR_CODE)  # type: ignore[valid-type]
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="A form field to send, in order, before the file.")
class UploadFormField:
    name: str = strawberry.field(description="The field's name.")
    value: str = strawberry.field(description="Its value, as given.")


@strawberry.type(description="A pending upload.")
class Upload:
    id: strawberry.ID = strawberry.field(description="Its ID, for uploadComplete.")


def file_facts_by_id() -> DataLoader[UUID, tuple[int, str] | None]:
    """A stored file's size and media type by its ID (one statement a batch)."""

    async def load(keys: list[UUID]) -> list[tuple[int, str] | None]:
        rows = await StoredFile.filter(id__in=keys).values("id", "size", "content_type")
        found = {str(r["id"]): (int(r["size"]), str(r["content_type"])) for r in rows}
        return [found.get(str(key)) for key in keys]

    return RequestLoader(load_fn=load)


@row_node(
    VersionAsset,
    columns=same(
        "filename",
        "kind",
        "delivery",
        "description",
        "machine_name",
        "target_path",
        "permissions",
        "created_at",
        "version_id",
        "file_id",
    ),
)
@strawberry.type(
    name="VersionAsset",
    description="A file a version brings along: placed into a machine when a session "
    "starts (EMBEDDED), or downloaded by the session's owner (DOWNLOAD). Learners see the "
    "DOWNLOAD ones of versions they may play; the author and admins see all.",
)
class VersionAssetType(RowNode, Node):
    id: strawberry.ID = strawberry.field(description="Its ID (versionAssetUpdate, downloads).")
    filename: str = strawberry.field(description="Its file name.")
    kind: AssetKind = strawberry.field(description="What it is.")
    delivery: AssetDelivery = strawberry.field(description="How the learner gets it.")
    description: str = strawberry.field(description="What it is for, in the author's words.")
    machine_name: str | None = strawberry.field(
        description="EMBEDDED: the machine it is placed into; null for DOWNLOAD."
    )
    target_path: str | None = strawberry.field(
        description="EMBEDDED: its absolute path in the machine; null for DOWNLOAD."
    )
    permissions: int = strawberry.field(
        description="EMBEDDED: its mode bits (0 to 0o777, e.g. 493 for 0o755)."
    )
    created_at: datetime = strawberry.field(description="When it was added (UTC).")
    version_id: strawberry.Private[UUID]
    file_id: strawberry.Private[UUID]
    # Read with the asset when a listing joins its file; else loaded by file_id.
    file_size: strawberry.Private[int | None] = None
    file_content_type: strawberry.Private[str | None] = None

    async def _file(self, info: Info) -> tuple[int, str]:
        if self.file_size is not None and self.file_content_type is not None:
            return self.file_size, self.file_content_type
        found = await info.context.loader(file_facts_by_id).load(self.file_id)
        return found if found is not None else (0, "application/octet-stream")

    @strawberry.field(description="Its size in bytes.")
    async def size(self, info: Info) -> int:
        return (await self._file(info))[0]

    @strawberry.field(description="Its media type.")
    async def content_type(self, info: Info) -> str:
        return (await self._file(info))[1]

"""uploadCreate, uploadComplete, versionAssetUpdate, versionAssetDelete and
sessionAssetDownload."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from ...files.factory import build_store
from ...models.enums import AssetDelivery, AssetKind, FileKind, UserRole
from ...services.api_tokens import ApiScope
from ...services.authoring.errors import AuthoringCode
from ...services.errors import DomainError
from ...services.files import assets, uploads
from ...services.files.errors import FileCode
from ...services.files.rules import Placement, UploadRequest
from ...services.files.storage import StorageQuotas
from ..context import Info
from ..errors import ApiError
from ..ids import from_global_id, to_global_id
from ..payload import ERRORS, actor, mutation_payload, result
from ..permissions import Allow
from ..scenario.types import ScenarioVersionNode
from .fields import assets_by_version
from .types import FileError, Upload, UploadFormField, VersionAssetType


def _pk(global_id: str, type_name: str, code: FileCode | AuthoringCode, field: str) -> UUID:
    """An ID of the expected type; otherwise the same error as an unknown one."""
    try:
        found, pk = from_global_id(global_id, field)
    except ApiError:
        found, pk = "", None
    if found != type_name or pk is None:
        raise DomainError(code, f"no such {type_name}", field)
    return pk


@strawberry.input(description="The file you are about to upload.")
class UploadCreateInput:
    kind: FileKind = strawberry.field(description="What it is for.")
    filename: str = strawberry.field(
        description="Its name: 1 to 255 letters, digits, '.', '-', '_', '+' or spaces."
    )
    size: int = strawberry.field(description="Its exact size in bytes (counts in your quota).")
    content_type: str = strawberry.field(
        description="Its media type: image/png, image/jpeg or image/webp for COVER and "
        "AVATAR; any for ASSET."
    )


@strawberry.type(
    description="What uploadCreate did: POST the form fields, then the file as `file`, "
    "to `url` (multipart/form-data) before `expiresAt`; then call uploadComplete."
)
class UploadCreatePayload:
    upload: Upload | None = strawberry.field(default=None, description=result("The upload"))
    url: str | None = strawberry.field(default=None, description=result("Where to POST"))
    fields: list[UploadFormField] | None = strawberry.field(
        default=None, description=result("The form fields to send before the file")
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description=result("When the upload URL stops working (UTC)")
    )
    errors: list[FileError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.input(description="What an ASSET upload becomes.")
class AssetTargetInput:
    kind: AssetKind = strawberry.field(description="What it is.")
    delivery: AssetDelivery = strawberry.field(description="How the learner gets it.")
    filename: str | None = strawberry.field(
        default=None, description="Its name for learners; absent: the upload's."
    )
    description: str = strawberry.field(default="", description="What it is for (500 chars).")
    machine_name: str | None = strawberry.field(
        default=None, description="EMBEDDED: the version's machine to place it into."
    )
    target_path: str | None = strawberry.field(
        default=None, description="EMBEDDED: absolute file path, no '.' or '..' parts."
    )
    permissions: int = strawberry.field(
        default=0o644, description="EMBEDDED: mode bits, 0 to 0o777 (default 0o644 = 420)."
    )


@strawberry.input(description="A finished upload and where it goes.")
class UploadCompleteInput:
    upload_id: strawberry.ID = strawberry.field(description="The Upload from uploadCreate.")
    version_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="COVER and ASSET: the ScenarioVersion (DRAFT or REJECTED, yours or as "
        "an admin).",
    )
    asset: AssetTargetInput | None = strawberry.field(
        default=None, description="ASSET: its kind and delivery."
    )


@strawberry.type(description="What uploadComplete did.")
class UploadCompletePayload:
    kind: FileKind | None = strawberry.field(
        default=None, description=result("What the file became")
    )
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description="COVER and ASSET: the version, with it; null otherwise."
    )
    asset: VersionAssetType | None = strawberry.field(
        default=None, description="ASSET: the new asset; null otherwise."
    )
    errors: list[FileError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.input(description="Changes to an asset; absent fields stay as they are.")
class VersionAssetUpdateInput:
    asset_id: strawberry.ID = strawberry.field(description="The VersionAsset to change.")
    filename: str | None = strawberry.field(default=None, description="Its new name.")
    kind: AssetKind | None = strawberry.field(default=None, description="What it is.")
    description: str | None = strawberry.field(default=None, description="What it is for.")
    delivery: AssetDelivery | None = strawberry.field(
        default=None, description="How the learner gets it."
    )
    machine_name: str | None = strawberry.field(default=None, description="EMBEDDED: machine.")
    target_path: str | None = strawberry.field(default=None, description="EMBEDDED: path.")
    permissions: int | None = strawberry.field(default=None, description="EMBEDDED: mode bits.")


@strawberry.input(description="The asset to delete.")
class VersionAssetDeleteInput:
    asset_id: strawberry.ID = strawberry.field(description="The VersionAsset to delete.")


@strawberry.type(description="What versionAssetUpdate or versionAssetDelete did.")
class VersionAssetPayload:
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("The asset's version as it is now")
    )
    asset: VersionAssetType | None = strawberry.field(
        default=None, description="The asset as it is now; null when deleted or failed."
    )
    errors: list[FileError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.input(description="An asset of your running session.")
class SessionAssetDownloadInput:
    session_id: strawberry.ID = strawberry.field(description="An EnvironmentSession of yours.")
    asset_id: strawberry.ID = strawberry.field(description="A DOWNLOAD VersionAsset of it.")


@strawberry.type(description="What sessionAssetDownload did.")
class SessionAssetDownloadPayload:
    url: str | None = strawberry.field(default=None, description=result("The download link"))
    expires_at: datetime | None = strawberry.field(
        default=None, description=result("When the link stops working (UTC)")
    )
    errors: list[FileError] = strawberry.field(default_factory=list, description=ERRORS)


async def _asset_node(info: Info, version_id: UUID, asset_id: UUID) -> VersionAssetType | None:
    gid = to_global_id("VersionAsset", asset_id)
    for each in await info.context.loader(assets_by_version).load(version_id):
        if each.id == gid:
            return each
    return None


CODES = (FileCode, AuthoringCode)


@strawberry.type
class FileMutation:
    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.AUTHORING)],
        description="Start an upload: reserves its size in your quota and answers a "
        "presigned form POST that accepts exactly that size and content type until it "
        "expires. COVER and ASSET need the CREATOR role at uploadComplete (a version of "
        "yours); AVATAR anyone.",
    )
    @mutation_payload(UploadCreatePayload, *CODES)
    async def upload_create(
        self,
        info: Info,
        input: Annotated[UploadCreateInput, strawberry.argument(description="The file.")],
    ) -> UploadCreatePayload:
        request = UploadRequest(input.kind, input.filename, input.size, input.content_type)
        settings = info.context.settings
        created = await uploads.create_upload(
            actor(info),
            request,
            settings,
            StorageQuotas.of(info.context.platform),
            build_store(settings),
            info.context.meta,
        )
        return UploadCreatePayload(
            upload=Upload(id=strawberry.ID(to_global_id("Upload", created.file_id))),
            url=created.upload.url,
            fields=[UploadFormField(name=k, value=v) for k, v in created.upload.fields.items()],
            expires_at=created.upload.expires_at,
        )

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.AUTHORING)],
        description="Check an uploaded file (its size, its type from its first bytes, an "
        "image's dimensions) and attach it: a COVER to a version, an AVATAR to you, an "
        "ASSET as a new asset of a version. A file that fails its checks is deleted and "
        "its upload ends; a wrong target leaves the upload pending.",
    )
    @mutation_payload(UploadCompletePayload, *CODES)
    async def upload_complete(
        self,
        info: Info,
        input: Annotated[
            UploadCompleteInput, strawberry.argument(description="The upload and its target.")
        ],
    ) -> UploadCompletePayload:
        file_id = _pk(input.upload_id, "Upload", FileCode.UPLOAD_NOT_FOUND, "input.uploadId")
        version_id = (
            _pk(input.version_id, "ScenarioVersion", AuthoringCode.NOT_FOUND, "input.versionId")
            if input.version_id
            else None
        )
        asset = None
        if input.asset is not None:
            a = input.asset
            asset = uploads.AssetTarget(
                kind=a.kind,
                placement=Placement(a.delivery, a.machine_name, a.target_path, a.permissions),
                filename=a.filename,
                description=a.description,
            )
        settings = info.context.settings
        done = await uploads.complete_upload(
            actor(info),
            file_id,
            uploads.AttachTarget(version_id, asset),
            settings,
            StorageQuotas.of(info.context.platform),
            build_store(settings),
            info.context.meta,
        )
        info.context.reset_loaders()
        version = await ScenarioVersionNode.read(done.version_id) if done.version_id else None
        return UploadCompletePayload(
            kind=done.kind,
            version=version,
            asset=await _asset_node(info, done.version_id, done.asset_id)
            if done.asset_id and done.version_id
            else None,
        )

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Change an asset's name, kind, description or placement. Only while "
        "its version is DRAFT or REJECTED; the scenario's author or an admin.",
    )
    @mutation_payload(VersionAssetPayload, *CODES)
    async def version_asset_update(
        self,
        info: Info,
        input: Annotated[
            VersionAssetUpdateInput, strawberry.argument(description="The asset, the changes.")
        ],
    ) -> VersionAssetPayload:
        asset_id = _pk(input.asset_id, "VersionAsset", FileCode.ASSET_NOT_FOUND, "input.assetId")
        changes = assets.AssetChanges(
            filename=input.filename,
            kind=input.kind,
            description=input.description,
            delivery=input.delivery,
            machine_name=input.machine_name,
            target_path=input.target_path,
            permissions=input.permissions,
        )
        version_id = await assets.update_asset(
            actor(info),
            asset_id,
            changes,
            info.context.meta,
        )
        info.context.reset_loaders()
        return VersionAssetPayload(
            version=await ScenarioVersionNode.read(version_id),
            asset=await _asset_node(info, version_id, asset_id),
        )

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Delete an asset, and its file when no other version (one it was "
        "copied from or into) uses it. Only while its version is DRAFT or REJECTED.",
    )
    @mutation_payload(VersionAssetPayload, *CODES)
    async def version_asset_delete(
        self,
        info: Info,
        input: Annotated[VersionAssetDeleteInput, strawberry.argument(description="The asset.")],
    ) -> VersionAssetPayload:
        asset_id = _pk(input.asset_id, "VersionAsset", FileCode.ASSET_NOT_FOUND, "input.assetId")
        settings = info.context.settings
        version_id = await assets.delete_asset(
            actor(info),
            asset_id,
            build_store(settings),
            info.context.meta,
        )
        return VersionAssetPayload(version=await ScenarioVersionNode.read(version_id))

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="A short-lived link (at most 5 minutes) to a DOWNLOAD asset of your "
        "RUNNING session's version. Audited.",
    )
    @mutation_payload(SessionAssetDownloadPayload, FileCode)
    async def session_asset_download(
        self,
        info: Info,
        input: Annotated[
            SessionAssetDownloadInput, strawberry.argument(description="The session, the asset.")
        ],
    ) -> SessionAssetDownloadPayload:
        session_id = _pk(
            input.session_id, "EnvironmentSession", FileCode.SESSION_NOT_FOUND, "input.sessionId"
        )
        asset_id = _pk(input.asset_id, "VersionAsset", FileCode.ASSET_NOT_FOUND, "input.assetId")
        settings = info.context.settings
        download = await assets.session_asset_download(
            actor(info),
            session_id,
            asset_id,
            settings,
            build_store(settings),
            info.context.meta,
        )
        return SessionAssetDownloadPayload(url=download.url, expires_at=download.expires_at)

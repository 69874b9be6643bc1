"""The rules of an upload (file name, content type, size per kind) and of an asset's
placement (target path, permissions), each failure at its input field."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from ...files.images import JPEG, PNG, WEBP
from ...models.enums import AssetDelivery, FileKind
from ...settings import Settings
from ..errors import DomainError
from .errors import FileCode

IMAGE_TYPES = (PNG, JPEG, WEBP)
FILENAME_MAX_LENGTH = 255
# Letters, digits, dot, dash, underscore, space, plus; never a slash, a quote or a control
# character, and never only dots: the name is shown, sent in Content-Disposition and
# used as a file name on the learner's disk.
FILENAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._ +-]*$")
CONTENT_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$")
TARGET_PATH_MAX_LENGTH = 1024
MIN_IMAGE_SIDE = {FileKind.COVER: 200, FileKind.AVATAR: 32}
MAX_IMAGE_SIDE = 4096


@dataclass(frozen=True, slots=True)
class UploadRequest:
    kind: FileKind
    filename: str
    size: int
    content_type: str


def max_size(settings: Settings, kind: FileKind) -> int:
    return {
        FileKind.COVER: settings.files_cover_max_bytes,
        FileKind.AVATAR: settings.files_avatar_max_bytes,
        FileKind.ASSET: settings.files_asset_max_bytes,
    }[kind]


def filename_errors(filename: str, field: str = "input.filename") -> list[DomainError]:
    if not 1 <= len(filename) <= FILENAME_MAX_LENGTH:
        return [
            DomainError(
                FileCode.INVALID_FILENAME,
                f"a file name has 1 to {FILENAME_MAX_LENGTH} characters",
                field,
            )
        ]
    if not FILENAME.match(filename) or ".." in filename:
        return [
            DomainError(
                FileCode.INVALID_FILENAME,
                "a file name has letters, digits, '.', '-', '_', '+' and spaces only, "
                "starts with a letter, digit or '_', and holds no '..'",
                field,
            )
        ]
    return []


def request_errors(request: UploadRequest, settings: Settings) -> list[DomainError]:
    errors = filename_errors(request.filename)
    if request.kind is FileKind.ASSET:
        if not CONTENT_TYPE.match(request.content_type):
            errors.append(
                DomainError(
                    FileCode.CONTENT_TYPE_NOT_ALLOWED,
                    "not a media type (type/subtype, lower case)",
                    "input.contentType",
                )
            )
    elif request.content_type not in IMAGE_TYPES:
        errors.append(
            DomainError(
                FileCode.CONTENT_TYPE_NOT_ALLOWED,
                f"a {request.kind} is one of {', '.join(IMAGE_TYPES)}",
                "input.contentType",
            )
        )
    limit = max_size(settings, request.kind)
    if request.size < 1:
        errors.append(DomainError(FileCode.EMPTY_FILE, "a file has at least 1 byte", "input.size"))
    elif request.size > limit:
        errors.append(
            DomainError(
                FileCode.TOO_LARGE, f"a {request.kind} has at most {limit} bytes", "input.size"
            )
        )
    return errors


def target_path_errors(path: str, field: str) -> list[DomainError]:
    """An absolute path of at most 1,024 characters, without '..', NUL or a trailing
    slash, naming a file below the root."""
    if (
        not path.startswith("/")
        or len(path) > TARGET_PATH_MAX_LENGTH
        or "\x00" in path
        or any(part in ("..", ".") for part in path.split("/"))
        or path.endswith("/")
        or posixpath.normpath(path) != path
        or path == "/"
    ):
        return [
            DomainError(
                FileCode.INVALID_TARGET_PATH,
                "an absolute path to a file (e.g. /opt/tools/run.sh), without '.' or '..' "
                f"parts, at most {TARGET_PATH_MAX_LENGTH} characters",
                field,
            )
        ]
    return []


def permissions_errors(permissions: int, field: str) -> list[DomainError]:
    if not 0 <= permissions <= 0o777:
        return [DomainError(FileCode.INVALID_PERMISSIONS, "mode bits from 0 to 0o777 (511)", field)]
    return []


@dataclass(frozen=True, slots=True)
class Placement:
    """How an asset reaches the learner."""

    delivery: AssetDelivery
    machine_name: str | None = None
    target_path: str | None = None
    permissions: int = 0o644


def placement_errors(placement: Placement, prefix: str) -> list[DomainError]:
    if placement.delivery is AssetDelivery.DOWNLOAD:
        return []
    errors: list[DomainError] = []
    if not placement.machine_name:
        errors.append(
            DomainError(
                FileCode.TARGET_REQUIRED,
                "an EMBEDDED asset names its machine",
                f"{prefix}.machineName",
            )
        )
    if not placement.target_path:
        errors.append(
            DomainError(
                FileCode.TARGET_REQUIRED,
                "an EMBEDDED asset names its target path",
                f"{prefix}.targetPath",
            )
        )
    else:
        errors += target_path_errors(placement.target_path, f"{prefix}.targetPath")
    errors += permissions_errors(placement.permissions, f"{prefix}.permissions")
    return errors

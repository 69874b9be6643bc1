"""The object store's interface: objects by key, and presigned uploads and downloads.

A client uploads straight to the store with a presigned form POST (``presign_upload``):
the URL and the form fields to send with the file, the store itself enforcing the size
range and the content type. It downloads with a presigned GET (``presign_download``).
The API never streams an object through GraphQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """What a HEAD of an object tells: its size in bytes and its stored content type."""

    size: int
    content_type: str | None


@dataclass(frozen=True, slots=True)
class UploadConditions:
    """What a presigned upload may put: one key, a content type, a size range."""

    key: str
    content_type: str
    min_size: int
    max_size: int
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class PresignedUpload:
    """Where to POST the file (multipart form data) and the fields to send before it."""

    url: str
    fields: dict[str, str]
    expires_at: datetime


class ObjectStore(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None:
        """Write an object (tests, seeds; clients upload through presigned posts)."""

    async def get(self, key: str, max_bytes: int | None = None) -> bytes:
        """The object's bytes, only its first ``max_bytes`` when given; KeyError if absent."""

    async def head(self, key: str) -> ObjectInfo | None:
        """The object's size and type, or None when there is no such object."""

    async def copy(self, source: str, target: str) -> None:
        """Copy an object to another key (the checked copy clients cannot overwrite)."""

    async def delete(self, key: str) -> None:
        """Remove the object; nothing happens when there is none."""

    async def presign_upload(self, conditions: UploadConditions) -> PresignedUpload:
        """A form POST that can put only that key, type and size, until it expires."""

    async def presign_download(
        self, key: str, expires_at: datetime, filename: str | None = None
    ) -> str:
        """A URL that reads the object until ``expires_at`` (as an attachment named
        ``filename`` when given)."""

    async def aclose(self) -> None:
        """Release the store's connections (the runtime's close); it may be used again."""

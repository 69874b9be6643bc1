"""The local-directory store, the embedded default: objects are files under one folder.

Its presigned upload is this server's own route, ``POST /files/upload/{token}``, taking
the same multipart form an S3 presigned POST takes (the fields, then ``file``); its
presigned download is ``GET /files/download/{token}``. Both tokens are signed with the
server key (``signing``) and expire; the upload token fixes the key, the content type
and the size range, which the route enforces (``accept_upload``).
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from . import signing
from .store import ObjectInfo, PresignedUpload, UploadConditions

KEY = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9.-]*)*$")
UPLOAD_ROUTE = "/files/upload/"
DOWNLOAD_ROUTE = "/files/download/"


class UploadRefused(ValueError):
    """A form posted to the upload route that breaks its token's conditions."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _checked(key: str) -> str:
    if len(key) > 512 or not KEY.match(key) or ".." in key:
        raise ValueError(f"not an object key: {key!r}")
    return key


@dataclass
class LocalStore:
    root: Path
    signing_keys: list[bytes]  # the current one first
    base_url: str = ""  # prefixed to the routes; "" gives paths relative to this server

    def _path(self, key: str) -> Path:
        return self.root / _checked(key)

    async def aclose(self) -> None:
        """Nothing to release: files are opened per call."""

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, self._path(key), data, content_type)

    @staticmethod
    def _write(path: Path, data: bytes, content_type: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
        type_file = path.with_name(path.name + ".type")
        type_file.write_text(content_type)

    async def get(self, key: str, max_bytes: int | None = None) -> bytes:
        path = self._path(key)

        def read() -> bytes:
            try:
                with path.open("rb") as handle:
                    return handle.read(-1 if max_bytes is None else max_bytes)
            except FileNotFoundError:
                raise KeyError(key) from None

        return await asyncio.to_thread(read)

    async def head(self, key: str) -> ObjectInfo | None:
        path = self._path(key)

        def stat() -> ObjectInfo | None:
            try:
                size = path.stat().st_size
            except FileNotFoundError:
                return None
            type_file = path.with_name(path.name + ".type")
            content_type = type_file.read_text() if type_file.exists() else None
            return ObjectInfo(size, content_type)

        return await asyncio.to_thread(stat)

    async def copy(self, source: str, target: str) -> None:
        info = await self.head(source)
        if info is None:
            raise KeyError(source)
        await self.put(target, await self.get(source), info.content_type or "")

    async def delete(self, key: str) -> None:
        path = self._path(key)

        def remove() -> None:
            for each in (path, path.with_name(path.name + ".type")):
                each.unlink(missing_ok=True)

        await asyncio.to_thread(remove)

    async def presign_upload(self, conditions: UploadConditions) -> PresignedUpload:
        claims = {
            "op": "put",
            "key": _checked(conditions.key),
            "type": conditions.content_type,
            "min": conditions.min_size,
            "max": conditions.max_size,
            "exp": int(conditions.expires_at.timestamp()),
        }
        token = signing.sign(self.signing_keys[0], claims)
        fields = {"key": conditions.key, "Content-Type": conditions.content_type}
        return PresignedUpload(
            url=f"{self.base_url}{UPLOAD_ROUTE}{token}",
            fields=fields,
            expires_at=conditions.expires_at,
        )

    async def presign_download(
        self, key: str, expires_at: datetime, filename: str | None = None
    ) -> str:
        claims: dict[str, Any] = {
            "op": "get",
            "key": _checked(key),
            "exp": int(expires_at.timestamp()),
        }
        if filename is not None:
            claims["name"] = filename
        return f"{self.base_url}{DOWNLOAD_ROUTE}{signing.sign(self.signing_keys[0], claims)}"

    # -- the routes' side ------------------------------------------------------------

    def upload_claims(self, token: str) -> dict[str, Any]:
        try:
            return signing.verify(self.signing_keys, token, "put")
        except ValueError as problem:
            raise UploadRefused(403, f"upload refused: {problem}") from None

    def download_claims(self, token: str) -> dict[str, Any]:
        """The key (and file name) a download token gives; ValueError when it gives none."""
        return signing.verify(self.signing_keys, token, "get")

    async def accept_upload(
        self, claims: dict[str, Any], fields: dict[str, str], data: bytes, file_type: str | None
    ) -> None:
        """Store a posted form's file when it keeps to the token's conditions."""
        if fields.get("key") != claims["key"]:
            raise UploadRefused(403, "the key field does not match the upload")
        if fields.get("Content-Type") != claims["type"]:
            raise UploadRefused(403, "the Content-Type field does not match the upload")
        if not claims["min"] <= len(data) <= claims["max"]:
            raise UploadRefused(400, "the file's size is outside the allowed range")
        await self.put(claims["key"], data, claims["type"])

    def path_of(self, key: str) -> Path:
        return self._path(key)

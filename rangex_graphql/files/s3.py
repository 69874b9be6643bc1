"""The S3 store, through aiobotocore: presigned POSTs whose policy fixes the key, the
Content-Type and a ``content-length-range``, and presigned GETs.

A store holds one client, made on first use from its aiobotocore session and kept for
every later call (opening one costs milliseconds; a presigned GET with it, tens of
microseconds) until :meth:`S3Store.aclose` (the runtime's close); a call after that
opens a new one. The client belongs to the event loop it was made in: a call from
another loop makes that loop its own."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiobotocore.config import AioConfig  # type: ignore[import-untyped]
from aiobotocore.session import AioSession  # type: ignore[import-untyped]
from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from .store import ObjectInfo, PresignedUpload, UploadConditions

MISSING = {"404", "NoSuchKey", "NotFound"}


def _seconds_until(moment: datetime) -> int:
    return max(1, int((moment - datetime.now(UTC)).total_seconds()))


@dataclass
class S3Store:
    bucket: str
    region: str
    endpoint_url: str | None = None
    session: AioSession = field(default_factory=AioSession)
    max_attempts: int = 3
    # The open client (its context manager and itself) and the loop it belongs to.
    _opened: tuple[Any, Any] | None = field(default=None, init=False, repr=False)
    _loop: asyncio.AbstractEventLoop | None = field(default=None, init=False, repr=False)
    _opening: asyncio.Lock | None = field(default=None, init=False, repr=False)

    @asynccontextmanager
    async def _client(self) -> AsyncIterator[Any]:
        yield await self._open()

    async def _open(self) -> Any:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # first use, or another loop: start afresh there
            self._loop, self._opened, self._opening = loop, None, asyncio.Lock()
        if self._opened is None:
            assert self._opening is not None
            async with self._opening:
                if self._opened is None:
                    config = AioConfig(
                        signature_version="s3v4",
                        s3={"addressing_style": "path"},
                        retries={"max_attempts": self.max_attempts},
                    )
                    manager = self.session.create_client(
                        "s3",
                        region_name=self.region,
                        endpoint_url=self.endpoint_url,
                        config=config,
                    )
                    self._opened = (manager, await manager.__aenter__())
        return self._opened[1]

    async def aclose(self) -> None:
        """Close the client (a later call opens a new one)."""
        opened, self._opened = self._opened, None
        if opened is not None and self._loop is asyncio.get_running_loop():
            await opened[0].__aexit__(None, None, None)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        async with self._client() as s3:
            await s3.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)

    async def get(self, key: str, max_bytes: int | None = None) -> bytes:
        extra = {"Range": f"bytes=0-{max_bytes - 1}"} if max_bytes else {}
        async with self._client() as s3:
            try:
                answer = await s3.get_object(Bucket=self.bucket, Key=key, **extra)
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") in MISSING:
                    raise KeyError(key) from None
                raise
            async with answer["Body"] as body:
                data: bytes = await body.read()
        return data if max_bytes is None else data[:max_bytes]

    async def head(self, key: str) -> ObjectInfo | None:
        async with self._client() as s3:
            try:
                answer = await s3.head_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") in MISSING:
                    return None
                raise
        return ObjectInfo(int(answer["ContentLength"]), answer.get("ContentType"))

    async def copy(self, source: str, target: str) -> None:
        async with self._client() as s3:
            await s3.copy_object(
                Bucket=self.bucket, Key=target, CopySource={"Bucket": self.bucket, "Key": source}
            )

    async def delete(self, key: str) -> None:
        async with self._client() as s3:
            await s3.delete_object(Bucket=self.bucket, Key=key)

    async def presign_upload(self, conditions: UploadConditions) -> PresignedUpload:
        async with self._client() as s3:
            post = await s3.generate_presigned_post(
                Bucket=self.bucket,
                Key=conditions.key,
                Fields={"Content-Type": conditions.content_type},
                Conditions=[
                    {"Content-Type": conditions.content_type},
                    ["content-length-range", conditions.min_size, conditions.max_size],
                ],
                ExpiresIn=_seconds_until(conditions.expires_at),
            )
        return PresignedUpload(
            url=str(post["url"]),
            fields={str(k): str(v) for k, v in post["fields"].items()},
            expires_at=conditions.expires_at,
        )

    async def presign_download(
        self, key: str, expires_at: datetime, filename: str | None = None
    ) -> str:
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if filename is not None:
            params["ResponseContentDisposition"] = f'attachment; filename="{filename}"'
        async with self._client() as s3:
            url: str = await s3.generate_presigned_url(
                "get_object", Params=params, ExpiresIn=_seconds_until(expires_at)
            )
        return url

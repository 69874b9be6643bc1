"""The configured object store (``RANGEX_FILES_BACKEND``)."""

from __future__ import annotations

import functools

from aiobotocore.session import AioSession  # type: ignore[import-untyped]

from ..security.keys import Purpose, subkeys
from ..settings import Settings
from .local import LocalStore
from .s3 import S3Store
from .store import ObjectStore


@functools.cache
def _aws_session() -> AioSession:
    """One session per process: it parses S3's model once (credentials: AWS's chain)."""
    return AioSession()


@functools.cache
def _shared_s3_store(bucket: str, region: str, endpoint_url: str | None) -> S3Store:
    """One store per S3 configuration in the process, so that every caller of
    ``build_store`` (resolvers, mutations, jobs, drivers) shares its one client."""
    return S3Store(bucket=bucket, region=region, endpoint_url=endpoint_url, session=_aws_session())


def build_store(settings: Settings, *, session: AioSession | None = None) -> ObjectStore:
    """The configured store; the S3 one is shared by the process (its client opened once,
    closed by the runtime's close), unless ``session`` asks for one of its own."""
    if settings.files_backend == "s3":
        if session is None:
            return _shared_s3_store(
                settings.files_s3_bucket,
                settings.files_s3_region,
                settings.files_s3_endpoint_url,
            )
        return S3Store(
            bucket=settings.files_s3_bucket,
            region=settings.files_s3_region,
            endpoint_url=settings.files_s3_endpoint_url,
            session=session,
        )
    return LocalStore(
        root=settings.files_dir,
        signing_keys=subkeys(settings, Purpose.FILE_URL),
        base_url=settings.files_base_url.rstrip("/"),
    )

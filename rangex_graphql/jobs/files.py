"""The files job: abandoned uploads and unreferenced files leave the store
(``services.files.cleanup``)."""

from __future__ import annotations

from ..files.factory import build_store
from ..runtime import Runtime
from ..services.files.cleanup import clean_files
from .clock import utc_now


async def clean_stored_files(runtime: Runtime) -> int:
    settings = runtime.settings
    return await clean_files(build_store(settings), utc_now(), settings.jobs_batch_size)

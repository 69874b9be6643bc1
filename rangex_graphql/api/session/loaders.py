"""The session domain's DataLoaders, made per request by ``Context.loader``. Those the
session types read themselves are declared beside them, in ``types.py``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import ScenarioVersion
from ..loader_shapes import one_by_id


def max_extensions_by_version() -> DataLoader[UUID, int | None]:
    """A session's extension policy: how many extensions its version allows."""
    return one_by_id(
        ScenarioVersion, ("id", "max_extensions"), lambda row: int(row["max_extensions"])
    )

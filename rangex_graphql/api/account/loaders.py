"""The account domain's DataLoaders, made per request by ``Context.loader``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import ApiToken
from ..loader_shapes import many_by_key
from .types import ApiTokenNode


def api_tokens_by_user() -> DataLoader[UUID, list[ApiTokenNode]]:
    return many_by_key(
        ApiToken,
        "user_id",
        ApiTokenNode.columns(),
        ApiTokenNode.from_row,
        order_by=("-created_at", "id"),
    )

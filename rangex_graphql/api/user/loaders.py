"""The user domain's DataLoaders, made per request by ``Context.loader``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import User
from ..loader_shapes import one_by_id
from .types import UserNode


def users_by_id() -> DataLoader[UUID, UserNode | None]:
    return one_by_id(User, UserNode.columns(), UserNode.from_row)

"""The notification domain's DataLoaders, made per request by ``Context.loader``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import Notification
from ..loader_shapes import count_by_key


def unread_notification_count_by_user() -> DataLoader[UUID, int]:
    return count_by_key(Notification, "user_id", null=("read_at",))

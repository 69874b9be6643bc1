from __future__ import annotations

from uuid import UUID

from ...models import ApiToken
from ..context import Info
from ..node import Node
from .types import ApiTokenNode


async def resolve_api_token_node(info: Info, pk: UUID) -> Node | None:
    rows = await ApiToken.filter(id=pk).values(*ApiTokenNode.columns())
    if not rows or not info.context.is_self_or_admin(rows[0]["user_id"]):
        return None
    return ApiTokenNode.from_row(rows[0])

"""The hint domain's DataLoaders, made per request by ``Context.loader``. They import no
GraphQL type (the scenario types read hints through them): ``HintNode`` is reached by
its name (``api/node.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import Hint, HintUnlock, ScenarioVersion
from ...models.enums import HintMode
from ..loader_shapes import many_by_key, one_by_id
from ..node import node_class

HINT_TYPES = "rangex_graphql.api.hint.types"


def hint_order(question_id: UUID | None, position: int, places: dict[UUID, int]) -> tuple[int, int]:
    """Version level hints first, then each question's in the questions' order."""
    return (-1 if question_id is None else places.get(question_id, 0), position)


def hints_by_version() -> DataLoader[UUID, list[Any]]:
    """A version's hints (``HintNode``), by position within each group."""
    node = node_class("Hint")
    return many_by_key(Hint, "version_id", node.columns(), node.from_row)


def unlocks_by_session() -> DataLoader[UUID, list[tuple[UUID, datetime]]]:
    """(hint, unlocked at) of each hint a session unlocked."""
    return many_by_key(
        HintUnlock,
        "session_id",
        ("id", "session_id", "hint_id", "unlocked_at"),
        lambda row: (UUID(str(row["hint_id"])), row["unlocked_at"]),
        order_by=("unlocked_at", "id"),
        united=True,
    )


def hint_mode_by_version() -> DataLoader[UUID, HintMode | None]:
    return one_by_id(ScenarioVersion, ("id", "hint_mode"), lambda row: HintMode(row["hint_mode"]))

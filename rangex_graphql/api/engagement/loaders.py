"""The engagement domain's DataLoaders, made per request by ``Context.loader``.

What one user did to many scenarios is keyed (user id, scenario id), values in key order;
one statement per user in the batch (in a request, the viewer)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from ...models import ScenarioFavorite, ScenarioRating
from ..loader_shapes import count_by_key, one_by_id
from ..nested_pagination import NestedConnectionLoader, NestedKey
from ..pagination import Connection
from ..request_loader import RequestLoader
from .types import ScenarioRatingNode

UserScenario = tuple[UUID, UUID]

RATING_PAGES = NestedConnectionLoader(
    ScenarioRating,
    "scenario_id",
    "created_at DESC, id DESC",
    ScenarioRatingNode.columns(),
    ScenarioRatingNode.from_row,
)


async def _rows_by_user_scenario(
    model: type[Model], keys: list[UserScenario], columns: Sequence[str]
) -> dict[UserScenario, dict[str, Any]]:
    """The rows of ``model`` for the keys (``columns`` include scenario_id), by key."""
    scenarios_by_user: dict[UUID, list[UUID]] = defaultdict(list)
    for user_id, scenario_id in keys:
        scenarios_by_user[user_id].append(scenario_id)
    found: dict[UserScenario, dict[str, Any]] = {}
    for user_id, scenario_ids in scenarios_by_user.items():
        rows = await model.filter(user_id=user_id, scenario_id__in=scenario_ids).values(*columns)
        found.update({(user_id, row["scenario_id"]): row for row in rows})
    return found


async def _favorited(keys: list[UserScenario]) -> list[bool]:
    found = await _rows_by_user_scenario(ScenarioFavorite, keys, ("scenario_id",))
    return [key in found for key in keys]


async def _ratings(keys: list[UserScenario]) -> list[ScenarioRatingNode | None]:
    found = await _rows_by_user_scenario(ScenarioRating, keys, ScenarioRatingNode.columns())
    return [ScenarioRatingNode.from_row(found[key]) if key in found else None for key in keys]


def ratings_by_id() -> DataLoader[UUID, ScenarioRatingNode | None]:
    return one_by_id(ScenarioRating, ScenarioRatingNode.columns(), ScenarioRatingNode.from_row)


def favorited_by_user() -> DataLoader[UserScenario, bool]:
    return RequestLoader(load_fn=_favorited)


def favorite_count_by_scenario() -> DataLoader[UUID, int]:
    return count_by_key(ScenarioFavorite, "scenario_id")


def rating_by_user() -> DataLoader[UserScenario, ScenarioRatingNode | None]:
    return RequestLoader(load_fn=_ratings)


def rating_pages_by_scenario() -> DataLoader[NestedKey, Connection[ScenarioRatingNode]]:
    return RATING_PAGES.loader()

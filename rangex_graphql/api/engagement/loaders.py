"""Loader functions for what one user did to many scenarios: keys are (user id, scenario
id), values in key order; one statement per user in the batch (in a request, the viewer)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from tortoise.models import Model

from ...models import ScenarioFavorite, ScenarioRating
from .types import RATING_COLUMNS, ScenarioRatingNode

UserScenario = tuple[UUID, UUID]


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


async def favorited(keys: list[UserScenario]) -> list[bool]:
    found = await _rows_by_user_scenario(ScenarioFavorite, keys, ("scenario_id",))
    return [key in found for key in keys]


async def ratings_by_user_scenario(keys: list[UserScenario]) -> list[ScenarioRatingNode | None]:
    found = await _rows_by_user_scenario(ScenarioRating, keys, RATING_COLUMNS)
    return [ScenarioRatingNode.from_row(found[key]) if key in found else None for key in keys]

"""Reading favorites and ratings: a user's favorites, a scenario's ratings, rating nodes."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.expressions import Subquery

from ...models import Scenario, ScenarioFavorite
from ...services.authoring.visibility import openable_scenarios
from ..context import Info
from ..node import Node, visible_through_parent
from ..pagination import Connection, PageRequest, SortKey, paginate
from ..scenario.queries import resolve_scenario_node
from ..scenario.types import ScenarioNode
from .loaders import ratings_by_id
from .types import ScenarioRatingNode

FAVORITE_SORT_KEY = SortKey("created_at", datetime)
# A favorite's own id and time (its cursor), then its scenario's columns through a join.
FAVORITE_COLUMNS = ("id", "created_at", *(f"scenario__{c}" for c in ScenarioNode.columns()))


def _favorite_scenario(row: dict[str, Any]) -> ScenarioNode:
    return ScenarioNode.from_row({c: row[f"scenario__{c}"] for c in ScenarioNode.columns()})


async def favorites_of_user(
    info: Info,
    user_id: UUID,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[ScenarioNode]:
    """The scenarios the user saved and the viewer may still open, last saved first: one
    statement a page (``user.favorites`` is for that user and admins only)."""
    settings = info.context.settings
    page = PageRequest.parse(
        FAVORITE_SORT_KEY,
        first=first,
        after=after,
        last=last,
        before=before,
        settings=settings,
    )
    openable = Scenario.filter(openable_scenarios(info.context.viewer)).values("id")
    favorites = ScenarioFavorite.filter(user_id=user_id, scenario_id__in=Subquery(openable))
    return await paginate(
        favorites,
        page,
        FAVORITE_SORT_KEY,
        descending=True,
        columns=FAVORITE_COLUMNS,
        to_node=_favorite_scenario,
    )


async def resolve_rating_node(info: Info, pk: UUID) -> Node | None:
    """A rating, to whoever may open its scenario."""
    rating: ScenarioRatingNode | None = await info.context.loader(ratings_by_id).load(pk)
    return await visible_through_parent(
        info, rating, lambda found: found.scenario_id, resolve_scenario_node
    )

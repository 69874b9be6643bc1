"""Favorites and ratings: scenarioFavorite, scenarioUnfavorite, scenarioRate."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from ...services import catalog
from ...services.api_tokens import ApiScope
from ...services.catalog_errors import CatalogCode
from ...services.errors import DomainError
from ..context import Info
from ..ids import expect_global_id
from ..payload import ERRORS, actor, mutation_payload, result
from ..permissions import Allow
from ..scenario.queries import resolve_scenario_node
from ..scenario.types import ScenarioNode
from .loaders import rating_by_user
from .types import EngagementError, ScenarioRatingNode

# Favorites are the token owner's own bookmarks (READ); a rating is part of taking
# scenarios, so it goes with starting and running sessions (SESSIONS).


def _not_found() -> DomainError:
    return DomainError(CatalogCode.NOT_FOUND, "no such scenario", "scenario_id")


@strawberry.input(description="The scenario to save as a favorite.")
class ScenarioFavoriteInput:
    scenario_id: strawberry.ID = strawberry.field(description="A Scenario the viewer may open.")


@strawberry.input(description="The scenario to remove from the favorites.")
class ScenarioUnfavoriteInput:
    scenario_id: strawberry.ID = strawberry.field(
        description="A Scenario, even one the viewer may no longer open."
    )


@strawberry.input(description="The viewer's rating of a scenario.")
class ScenarioRateInput:
    scenario_id: strawberry.ID = strawberry.field(description="The Scenario to rate.")
    stars: int = strawberry.field(description="1 to 5.")
    comment: str | None = strawberry.field(
        default=None,
        description="What the learner thinks of the scenario, shown with the stars; null: "
        "none (rating again replaces it).",
    )


async def _visible(info: Info, scenario_id: UUID | None) -> ScenarioNode | None:
    if scenario_id is None:  # the mutation failed
        return None
    scenario = await resolve_scenario_node(info, scenario_id)
    return scenario if isinstance(scenario, ScenarioNode) else None


# The payloads read the scenario and the rating when their fields resolve: after the write,
# through the loaders ``mutation_payload`` made afresh.


async def _scenario(
    root: ScenarioFavoritePayload | ScenarioRatePayload, info: Info
) -> ScenarioNode | None:
    return await _visible(info, root.scenario_id)


async def _scenario_unless_seen(root: ScenarioUnfavoritePayload, info: Info) -> ScenarioNode | None:
    return root.seen or await _visible(info, root.scenario_id)


async def _rating(root: ScenarioRatePayload, info: Info) -> ScenarioRatingNode | None:
    if root.user_id is None or root.scenario_id is None:
        return None
    return await info.context.loader(rating_by_user).load((root.user_id, root.scenario_id))


@strawberry.type(description="What scenarioFavorite did.")
class ScenarioFavoritePayload:
    scenario: ScenarioNode | None = strawberry.field(
        resolver=_scenario, description=result("The scenario, now among the viewer's favorites")
    )
    errors: list[EngagementError] = strawberry.field(default_factory=list, description=ERRORS)
    scenario_id: strawberry.Private[UUID | None] = None


@strawberry.type(description="What scenarioUnfavorite did.")
class ScenarioUnfavoritePayload:
    scenario: ScenarioNode | None = strawberry.field(
        resolver=_scenario_unless_seen, description="Null when you may no longer open it."
    )
    errors: list[EngagementError] = strawberry.field(default_factory=list, description=ERRORS)
    scenario_id: strawberry.Private[UUID | None] = None
    # Read already (nothing was removed, so nothing changed): not read a second time.
    seen: strawberry.Private[ScenarioNode | None] = None


@strawberry.type(description="What scenarioRate did.")
class ScenarioRatePayload:
    rating: ScenarioRatingNode | None = strawberry.field(
        resolver=_rating, description=result("The viewer's rating as stored")
    )
    scenario: ScenarioNode | None = strawberry.field(
        resolver=_scenario, description="With its rating average and count updated."
    )
    errors: list[EngagementError] = strawberry.field(default_factory=list, description=ERRORS)
    user_id: strawberry.Private[UUID | None] = None
    scenario_id: strawberry.Private[UUID | None] = None


@strawberry.type
class EngagementMutation:
    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.READ)],
        description="Save a scenario as a favorite; saving it again changes nothing.",
    )
    @mutation_payload(ScenarioFavoritePayload, CatalogCode)
    async def scenario_favorite(
        self,
        info: Info,
        input: Annotated[
            ScenarioFavoriteInput, strawberry.argument(description="The scenario to save.")
        ],
    ) -> ScenarioFavoritePayload:
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        if await _visible(info, scenario_id) is None:
            raise _not_found()
        await catalog.favorite(actor(info).id, scenario_id)
        return ScenarioFavoritePayload(scenario_id=scenario_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.READ)],
        description="Remove a scenario from your favorites; removing it again changes nothing.",
    )
    @mutation_payload(ScenarioUnfavoritePayload, CatalogCode)
    async def scenario_unfavorite(
        self,
        info: Info,
        input: Annotated[
            ScenarioUnfavoriteInput, strawberry.argument(description="The scenario to remove.")
        ],
    ) -> ScenarioUnfavoritePayload:
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        if await catalog.unfavorite(actor(info).id, scenario_id):
            return ScenarioUnfavoritePayload(scenario_id=scenario_id)
        seen = await _visible(info, scenario_id)
        if seen is None:
            raise _not_found()
        return ScenarioUnfavoritePayload(scenario_id=scenario_id, seen=seen)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Rate a scenario 1 to 5 stars, once you have finished a session of it "
        "(terminated or expired). Rating it again replaces your rating.",
    )
    @mutation_payload(ScenarioRatePayload, CatalogCode)
    async def scenario_rate(
        self,
        info: Info,
        input: Annotated[
            ScenarioRateInput,
            strawberry.argument(description="The scenario, the stars and a comment."),
        ],
    ) -> ScenarioRatePayload:
        user_id = actor(info).id
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        if await _visible(info, scenario_id) is None:
            raise _not_found()
        await catalog.rate(user_id, scenario_id, input.stars, input.comment)
        return ScenarioRatePayload(user_id=user_id, scenario_id=scenario_id)

"""scenarioCreate, scenarioUpdate, scenarioDelete, scenarioDuplicate."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ....models.enums import UserRole
from ....services.api_tokens import ApiScope
from ....services.authoring import duplicates, scenarios
from ....services.authoring.access import fk
from ....services.authoring.spec import ScenarioSpec
from ...context import Info
from ...ids import expect_global_id
from ...payload import actor, mutation_payload
from ...permissions import Allow
from ..inputs import (
    ScenarioCreateInput,
    ScenarioDeleteInput,
    ScenarioDuplicateInput,
    ScenarioUpdateInput,
)
from ..types import ScenarioDuplicatePayload, ScenarioPayload
from .common import AUTHORING_CODES, from_input, scenario_node, version_node


@strawberry.type
class ScenarioMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Create a scenario you author (CREATOR or ADMIN). Its slug comes from "
        "the title, made unique with a suffix, and never changes. Add content with "
        "versionCreate.",
    )
    @mutation_payload(ScenarioPayload, *AUTHORING_CODES)
    async def scenario_create(
        self,
        info: Info,
        input: Annotated[
            ScenarioCreateInput,
            strawberry.argument(description="The new scenario's settings and tags."),
        ],
    ) -> ScenarioPayload:
        spec = from_input(ScenarioSpec, input, slug=None)  # the slug comes from the title
        scenario = await scenarios.create_scenario(actor(info), spec, info.context.meta)
        return ScenarioPayload(scenario=await scenario_node(scenario.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Change a scenario's metadata, shared by all its versions: its author "
        "or an admin. The slug stays as created.",
    )
    @mutation_payload(ScenarioPayload, *AUTHORING_CODES)
    async def scenario_update(
        self,
        info: Info,
        input: Annotated[
            ScenarioUpdateInput,
            strawberry.argument(description="The scenario and the settings to change."),
        ],
    ) -> ScenarioPayload:
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        changes = from_input(scenarios.ScenarioChanges, input)
        scenario = await scenarios.update_scenario(
            actor(info), scenario_id, changes, info.context.meta
        )
        return ScenarioPayload(scenario=await scenario_node(scenario.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Delete a scenario (soft: hidden from learners and from authoring; "
        "sessions already running go on): its author or an admin.",
    )
    @mutation_payload(ScenarioPayload, *AUTHORING_CODES)
    async def scenario_delete(
        self,
        info: Info,
        input: Annotated[
            ScenarioDeleteInput, strawberry.argument(description="The scenario to delete.")
        ],
    ) -> ScenarioPayload:
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        scenario = await scenarios.delete_scenario(actor(info), scenario_id, info.context.meta)
        return ScenarioPayload(scenario=await scenario_node(scenario.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="A new scenario of yours from a version you may read in full (your "
        "scenario's, or any for an admin; any status): its metadata, tags, settings, "
        "content, machines, questions and answer keys, as version 1, a DRAFT. Its slug is "
        "the source's (or the new title's) made unique.",
    )
    @mutation_payload(ScenarioDuplicatePayload, *AUTHORING_CODES)
    async def scenario_duplicate(
        self,
        info: Info,
        input: Annotated[
            ScenarioDuplicateInput,
            strawberry.argument(description="The version to copy, and a new title if any."),
        ],
    ) -> ScenarioDuplicatePayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        version = await duplicates.duplicate_scenario(
            actor(info), version_id, info.context.meta, title=input.title
        )
        return ScenarioDuplicatePayload(
            scenario=await scenario_node(fk(version, "scenario_id")),
            version=await version_node(version.id),
        )

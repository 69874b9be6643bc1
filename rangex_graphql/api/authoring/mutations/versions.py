"""versionCreate, versionUpdate."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ....services.authoring import versions
from ...context import Info
from ...ids import expect_global_id
from ...payload import failures_into
from ..inputs import VersionCreateInput, VersionUpdateInput
from ..permissions import CreatorOrAdmin
from ..types import VersionPayload, authoring_errors
from .common import actor_of, forget, from_input, version_node


@strawberry.type
class VersionMutation:
    @strawberry.mutation(
        permission_classes=[CreatorOrAdmin],
        description="A new DRAFT version of a scenario, numbered after its highest: empty, "
        "or a deep copy of `copyFrom`. The scenario's author or an admin.",
    )
    @failures_into(VersionPayload, authoring_errors)
    async def version_create(
        self,
        info: Info,
        input: Annotated[
            VersionCreateInput,
            strawberry.argument(description="The scenario, and the version to copy if any."),
        ],
    ) -> VersionPayload:
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        copy_from = (
            expect_global_id(input.copy_from, "ScenarioVersion", "copyFrom")
            if input.copy_from is not None
            else None
        )
        version = await versions.create_version(
            actor_of(info),
            scenario_id,
            info.context.meta,
            copy_from=copy_from,
            changelog=input.changelog,
        )
        forget(info)
        return VersionPayload(version=await version_node(version.id))

    @strawberry.mutation(
        permission_classes=[CreatorOrAdmin],
        description="Change a DRAFT or REJECTED version's settings: the scenario's author "
        "or an admin.",
    )
    @failures_into(VersionPayload, authoring_errors)
    async def version_update(
        self,
        info: Info,
        input: Annotated[
            VersionUpdateInput,
            strawberry.argument(description="The version and the settings to change."),
        ],
    ) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        changes = from_input(versions.VersionChanges, input)
        version = await versions.update_version(
            actor_of(info), version_id, changes, info.context.meta
        )
        forget(info)
        return VersionPayload(version=await version_node(version.id))

"""A version's hints: hintAdd/Update/Remove/Reorder. Only while the version is DRAFT or
REJECTED; the scenario's author or an admin (as the questions' mutations)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from ...models.enums import HintUnlockCondition, UserRole
from ...services.api_tokens import ApiScope
from ...services.hints import authoring
from ...services.hints.rules import HintSpec
from ..authoring.mutations.common import AUTHORING_CODES, from_input, version_node
from ..authoring.types import AuthoringError, VersionPayload
from ..context import Info
from ..ids import expect_global_id
from ..payload import ERRORS, actor, mutation_payload, result
from ..permissions import Allow
from ..scenario.types import ScenarioVersionNode
from .types import PENALTY, UNLOCK_THRESHOLD, HintNode

EDITABLE = " Only while the version is DRAFT or REJECTED; the scenario's author or an admin."


@strawberry.input(description="A new hint; it comes last among its question's (or version's).")
class HintAddInput:
    version_id: strawberry.ID = strawberry.field(description="The ScenarioVersion to add it to.")
    question_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A Question of the version it helps with; absent: a hint of the whole "
        "version. It cannot move to another question later.",
    )
    title: str = strawberry.field(description="What it is about: not blank, 160 characters.")
    body: str = strawberry.field(description="The hint itself, in Markdown; not blank.")
    unlock_condition: HintUnlockCondition = strawberry.field(
        default=HintUnlockCondition.AFTER_MINUTES,
        description="What unlocks it: running time (the default) or wrong attempts.",
    )
    unlock_threshold: int = strawberry.field(default=0, description=UNLOCK_THRESHOLD)
    penalty_points: int = strawberry.field(default=0, description=PENALTY + " 0 to 1,000.")


@strawberry.input(
    description="Changes to a hint; absent (or null) fields stay as they are. The rules are "
    "those of hintAdd."
)
class HintUpdateInput:
    hint_id: strawberry.ID = strawberry.field(description="The Hint to change.")
    title: str | None = strawberry.field(
        default=None, description="What it is about: not blank, 160 characters."
    )
    body: str | None = strawberry.field(
        default=None, description="The hint itself, in Markdown; not blank."
    )
    unlock_condition: HintUnlockCondition | None = strawberry.field(
        default=None, description="What unlocks it: running time or wrong attempts."
    )
    unlock_threshold: int | None = strawberry.field(default=None, description=UNLOCK_THRESHOLD)
    penalty_points: int | None = strawberry.field(
        default=None, description=PENALTY + " 0 to 1,000."
    )


@strawberry.input(description="The hint to remove.")
class HintRemoveInput:
    hint_id: strawberry.ID = strawberry.field(description="The Hint to remove.")


@strawberry.input(description="A new order of one question's hints, or of the version level ones.")
class HintReorderInput:
    version_id: strawberry.ID = strawberry.field(
        description="The ScenarioVersion whose hints to reorder."
    )
    question_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The Question whose hints to reorder; absent: the version level hints.",
    )
    hint_ids: list[strawberry.ID] = strawberry.field(
        description="Every hint of that group, once each, in the new order."
    )


@strawberry.type(description="What hintAdd or hintUpdate did.")
class HintPayload:
    hint: HintNode | None = strawberry.field(
        default=None, description=result("The hint as it is now")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What hintRemove did.")
class HintRemovePayload:
    removed_hint_id: strawberry.ID | None = strawberry.field(
        default=None, description=result("The global ID the removed hint had")
    )
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("Its version, without it; the others renumbered")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


async def _hint_node(hint_id: UUID) -> HintNode:
    found = await HintNode.read(hint_id)
    assert found is not None
    return found


@strawberry.type
class HintAuthoringMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Add a hint to a version or one of its questions (at most 50 a "
        "version)." + EDITABLE,
    )
    @mutation_payload(HintPayload, *AUTHORING_CODES)
    async def hint_add(
        self,
        info: Info,
        input: Annotated[
            HintAddInput, strawberry.argument(description="The version and the new hint.")
        ],
    ) -> HintPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        question_id = (
            expect_global_id(input.question_id, "Question", "questionId")
            if input.question_id
            else None
        )
        spec = from_input(HintSpec, input)
        hint = await authoring.add_hint(
            actor(info), version_id, question_id, spec, info.context.meta
        )
        return HintPayload(hint=await _hint_node(hint.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Change a hint." + EDITABLE,
    )
    @mutation_payload(HintPayload, *AUTHORING_CODES)
    async def hint_update(
        self,
        info: Info,
        input: Annotated[
            HintUpdateInput, strawberry.argument(description="The hint and what to change.")
        ],
    ) -> HintPayload:
        hint_id = expect_global_id(input.hint_id, "Hint", "hintId")
        changes = from_input(authoring.HintChanges, input)
        hint = await authoring.update_hint(actor(info), hint_id, changes, info.context.meta)
        return HintPayload(hint=await _hint_node(hint.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Remove a hint; the ones after it in its group move up." + EDITABLE,
    )
    @mutation_payload(HintRemovePayload, *AUTHORING_CODES)
    async def hint_remove(
        self,
        info: Info,
        input: Annotated[HintRemoveInput, strawberry.argument(description="The hint to remove.")],
    ) -> HintRemovePayload:
        hint_id = expect_global_id(input.hint_id, "Hint", "hintId")
        version_id = await authoring.remove_hint(actor(info), hint_id, info.context.meta)
        return HintRemovePayload(
            removed_hint_id=HintNode.global_id_of(hint_id),
            version=await version_node(version_id),
        )

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Put one question's hints, or the version level hints, in a new "
        "order." + EDITABLE,
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def hint_reorder(
        self,
        info: Info,
        input: Annotated[
            HintReorderInput,
            strawberry.argument(description="The version, the group and its hints in order."),
        ],
    ) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        question_id = (
            expect_global_id(input.question_id, "Question", "questionId")
            if input.question_id
            else None
        )
        ids = [
            expect_global_id(gid, "Hint", f"hintIds.{i}") for i, gid in enumerate(input.hint_ids)
        ]
        await authoring.reorder_hints(actor(info), version_id, question_id, ids, info.context.meta)
        return VersionPayload(version=await version_node(version_id))

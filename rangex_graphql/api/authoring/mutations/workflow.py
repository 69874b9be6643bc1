"""The review workflow: versionSubmit, versionReview, versionPublish, versionArchive."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated
from uuid import UUID

import strawberry

from ....services.audit import RequestMeta
from ....services.authoring import workflow
from ....services.authoring.access import Actor
from ...context import Info
from ...ids import expect_global_id
from ...payload import failures_into
from ...permissions import AdminOnly
from ..inputs import ReviewDecision, VersionInput, VersionReviewInput
from ..permissions import CreatorOrAdmin
from ..types import VersionPayload, VersionPublishPayload, authoring_errors
from .common import actor_of, forget, version_node

Step = Callable[[Actor, UUID, RequestMeta], Awaitable[object]]
StepInput = Annotated[VersionInput, strawberry.argument(description="The version to move on.")]


@failures_into(VersionPayload, authoring_errors)
async def step(info: Info, input: VersionInput, act: Step) -> VersionPayload:
    version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
    await act(actor_of(info), version_id, info.context.meta)
    forget(info)
    return VersionPayload(version=await version_node(version_id))


@strawberry.type
class WorkflowMutation:
    @strawberry.mutation(
        permission_classes=[CreatorOrAdmin],
        description="DRAFT or REJECTED → SUBMITTED, for review: the scenario's author or an "
        "admin. The content must pass every rule; otherwise each problem comes back with "
        "its path in the version (`machines.1.exposedPorts.0`) and nothing changes.",
    )
    async def version_submit(self, info: Info, input: StepInput) -> VersionPayload:
        return await step(info, input, workflow.submit)

    @strawberry.mutation(
        permission_classes=[AdminOnly],
        description="SUBMITTED → APPROVED, or → REJECTED with a reason: an ADMIN who is "
        "not the scenario's author (SELF_REVIEW otherwise). The author is notified. Of "
        "two reviews at once, one wins; the other gets STATUS_CONFLICT.",
    )
    @failures_into(VersionPayload, authoring_errors)
    async def version_review(
        self,
        info: Info,
        input: Annotated[
            VersionReviewInput,
            strawberry.argument(description="The version, the decision and its reason."),
        ],
    ) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        decision = workflow.Decision(
            approve=input.decision is ReviewDecision.APPROVE, reason=input.reason
        )
        await workflow.review(actor_of(info), version_id, decision, info.context.meta)
        forget(info)
        return VersionPayload(version=await version_node(version_id))

    @strawberry.mutation(
        permission_classes=[CreatorOrAdmin],
        description="APPROVED → PUBLISHED: the scenario's author (the content is already "
        "approved; the author chooses when it goes live) or an admin. The version "
        "published until now becomes ARCHIVED; sessions running on it go on.",
    )
    @failures_into(VersionPublishPayload, authoring_errors)
    async def version_publish(self, info: Info, input: StepInput) -> VersionPublishPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        published = await workflow.publish(actor_of(info), version_id, info.context.meta)
        forget(info)
        return VersionPublishPayload(
            version=await version_node(version_id),
            archived_versions=[await version_node(v.id) for v in published.archived],
        )

    @strawberry.mutation(
        permission_classes=[AdminOnly],
        description="Any status but ARCHIVED → ARCHIVED: an ADMIN. An archived version "
        "never changes again; sessions running on it go on. The author is notified.",
    )
    async def version_archive(self, info: Info, input: StepInput) -> VersionPayload:
        return await step(info, input, workflow.archive)

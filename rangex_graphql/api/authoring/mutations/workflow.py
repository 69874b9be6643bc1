"""The review workflow: versionSubmit, versionWithdraw, versionReview,
versionRevertToDraft, versionPublish, versionUnpublish, versionArchive."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated
from uuid import UUID

import strawberry

from ....models.enums import UserRole
from ....services.api_tokens import ApiScope
from ....services.audit import RequestMeta
from ....services.authoring import workflow
from ....services.authoring.access import Actor
from ...context import Info
from ...ids import expect_global_id
from ...payload import actor, broker_of, mutation_payload
from ...permissions import Allow
from ..inputs import ReviewDecision, VersionInput, VersionRevertToDraftInput, VersionReviewInput
from ..types import (
    SubmitWarning,
    SubmitWarningCode,
    VersionPayload,
    VersionPublishPayload,
    VersionSubmitPayload,
)
from .common import AUTHORING_CODES, version_node

Step = Callable[[Actor, UUID, RequestMeta], Awaitable[object]]
StepInput = Annotated[VersionInput, strawberry.argument(description="The version to move on.")]


async def step(info: Info, input: VersionInput, act: Step) -> VersionPayload:
    version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
    await act(actor(info), version_id, info.context.meta)
    return VersionPayload(version=await version_node(version_id))


@strawberry.type
class WorkflowMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="DRAFT or REJECTED → SUBMITTED, for review: the scenario's author or an "
        "admin. The content must pass every rule; otherwise each problem comes back with "
        "its path in the version (`machines.1.entrypoints.0.port`) and nothing changes.",
    )
    @mutation_payload(VersionSubmitPayload, *AUTHORING_CODES)
    async def version_submit(self, info: Info, input: StepInput) -> VersionSubmitPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        required = info.context.settings.require_passed_test_run
        await workflow.submit(
            actor(info), version_id, info.context.meta, require_passed_test_run=required
        )
        warnings = [
            SubmitWarning(code=SubmitWarningCode(w.code), message=w.message)
            for w in await workflow.submit_warnings(version_id)
        ]
        return VersionSubmitPayload(version=await version_node(version_id), warnings=warnings)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="SUBMITTED → APPROVED, or → REJECTED with a reason: an ADMIN who is "
        "not the scenario's author (SELF_REVIEW otherwise). The author is notified. Of "
        "two reviews at once, one wins; the other gets STATUS_CONFLICT.",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
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
        await workflow.review(
            actor(info), version_id, decision, info.context.meta, broker=broker_of(info)
        )
        return VersionPayload(version=await version_node(version_id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="APPROVED → PUBLISHED: the scenario's author (the content is already "
        "approved; the author chooses when it goes live) or an admin. The version "
        "published until now becomes ARCHIVED; sessions running on it go on.",
    )
    @mutation_payload(VersionPublishPayload, *AUTHORING_CODES)
    async def version_publish(self, info: Info, input: StepInput) -> VersionPublishPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        published = await workflow.publish(
            actor(info), version_id, info.context.meta, broker=broker_of(info)
        )
        return VersionPublishPayload(
            version=await version_node(version_id),
            archived_versions=[await version_node(v.id) for v in published.archived],
        )

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Any status but ARCHIVED → ARCHIVED: an ADMIN. An archived version "
        "never changes again; sessions running on it go on. The author is notified.",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def version_archive(self, info: Info, input: StepInput) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        await workflow.archive(actor(info), version_id, info.context.meta, broker=broker_of(info))
        return VersionPayload(version=await version_node(version_id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="SUBMITTED → DRAFT: the scenario's author takes the submission back "
        "before a review, to edit it again (AUTHOR_ONLY for an admin who is not the author).",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def version_withdraw(self, info: Info, input: StepInput) -> VersionPayload:
        return await step(info, input, workflow.withdraw)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="APPROVED → DRAFT with a reason: an ADMIN takes an approval back "
        "before it is published. The reason is kept as `rejectionReason` and the author "
        "is notified with it.",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def version_revert_to_draft(
        self,
        info: Info,
        input: Annotated[
            VersionRevertToDraftInput,
            strawberry.argument(description="The approved version and the reason."),
        ],
    ) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        await workflow.revert_to_draft(
            actor(info), version_id, input.reason, info.context.meta, broker=broker_of(info)
        )
        return VersionPayload(version=await version_node(version_id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="PUBLISHED → ARCHIVED with no successor: an ADMIN. The scenario leaves "
        "the catalog until another version is published; sessions running on it go on. "
        "The author is notified.",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def version_unpublish(self, info: Info, input: StepInput) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        await workflow.unpublish(actor(info), version_id, info.context.meta, broker=broker_of(info))
        return VersionPayload(version=await version_node(version_id))

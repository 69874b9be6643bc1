"""Withdraw, revert to draft, unpublish, delete and duplicate, in the services."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

import pytest

from rangex_graphql.models import (
    AuditLog,
    Machine,
    Notification,
    Question,
    QuestionAnswerKey,
    Scenario,
    ScenarioTag,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import (
    HintMode,
    ScenarioType,
    SessionState,
    UserRole,
    VersionStatus,
)
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring import duplicates, versions, workflow
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError, DomainErrors
from tests import factories

pytestmark = pytest.mark.usefixtures("db")


def actor(user: User) -> Actor:
    return Actor(user.id, is_admin=user.role is UserRole.ADMIN)


async def refused(call: Awaitable[Any]) -> list[tuple[str, str | None]]:
    """(code, field) of each problem ``call`` raised; fails when it raised none."""
    with pytest.raises((DomainError, DomainErrors)) as caught:
        await call
    failure = caught.value
    errors: list[DomainError] = (
        failure.errors if isinstance(failure, DomainErrors) else [failure]  # type: ignore[list-item]
    )
    return [(str(e.code), e.field) for e in errors]


async def actions(version: ScenarioVersion) -> list[str]:
    rows = AuditLog.filter(target_id=str(version.id)).order_by("created_at")
    return [row.action for row in await rows]


@pytest.fixture
async def author() -> User:
    return await factories.user(UserRole.CREATOR)


@pytest.fixture
async def admin() -> User:
    return await factories.user(UserRole.ADMIN)


async def a_version(author: User, state: VersionStatus) -> ScenarioVersion:
    return await factories.version(await factories.scenario(author), state)


# --- withdraw ----------------------------------------------------------------------------


async def test_the_author_withdraws_a_submission(author: User, admin: User) -> None:
    version = await a_version(author, VersionStatus.SUBMITTED)
    assert await refused(workflow.withdraw(actor(admin), version.id, SYSTEM)) == [
        ("AUTHOR_ONLY", "versionId")
    ]
    stranger = await factories.user(UserRole.CREATOR)
    assert await refused(workflow.withdraw(actor(stranger), version.id, SYSTEM)) == [
        ("NOT_FOUND", "versionId")
    ]
    withdrawn = await workflow.withdraw(actor(author), version.id, SYSTEM)
    assert withdrawn.status is VersionStatus.DRAFT
    assert withdrawn.submitted_at is None
    assert await actions(version) == ["version.withdraw"]
    # Only a SUBMITTED version is withdrawn.
    assert await refused(workflow.withdraw(actor(author), version.id, SYSTEM)) == [
        ("STATUS_CONFLICT", "versionId")
    ]
    published = await a_version(author, VersionStatus.PUBLISHED)
    assert await refused(workflow.withdraw(actor(author), published.id, SYSTEM)) == [
        ("VERSION_IMMUTABLE", "versionId")
    ]


# --- revert to draft ----------------------------------------------------------------------


async def test_an_admin_reverts_an_approval_with_a_reason(author: User, admin: User) -> None:
    version = await a_version(author, VersionStatus.APPROVED)
    with pytest.raises(PermissionError):
        await workflow.revert_to_draft(actor(author), version.id, "x", SYSTEM, broker=None)
    for reason in (None, "  "):
        assert await refused(
            workflow.revert_to_draft(actor(admin), version.id, reason, SYSTEM, broker=None)
        ) == [("REQUIRED", "reason")]
    assert await refused(
        workflow.revert_to_draft(actor(admin), version.id, "x" * 2001, SYSTEM, broker=None)
    ) == [("INVALID", "reason")]

    reverted = await workflow.revert_to_draft(
        actor(admin), version.id, " The flag leaks in the page title. ", SYSTEM, broker=None
    )
    assert reverted.status is VersionStatus.DRAFT
    assert reverted.rejection_reason == "The flag leaks in the page title."
    assert await actions(version) == ["version.revert_to_draft"]
    entry = await AuditLog.get(action="version.revert_to_draft")
    assert entry.actor_id == admin.id  # type: ignore[attr-defined]
    assert entry.data["reason"] == "The flag leaks in the page title."
    [note] = await Notification.filter(user_id=author.id)
    assert note.kind == "version.reverted"
    assert note.body == "The flag leaks in the page title."

    submitted = await a_version(author, VersionStatus.SUBMITTED)
    assert await refused(
        workflow.revert_to_draft(actor(admin), submitted.id, "why", SYSTEM, broker=None)
    ) == [("STATUS_CONFLICT", "versionId")]


# --- unpublish ----------------------------------------------------------------------------


async def test_an_admin_unpublishes_and_running_sessions_go_on(author: User, admin: User) -> None:
    version = await a_version(author, VersionStatus.PUBLISHED)
    learner = await factories.user()
    session = await factories.session(learner, version)
    with pytest.raises(PermissionError):
        await workflow.unpublish(actor(author), version.id, SYSTEM, broker=None)

    unpublished = await workflow.unpublish(actor(admin), version.id, SYSTEM, broker=None)
    assert unpublished.status is VersionStatus.ARCHIVED
    assert unpublished.archived_at is not None
    assert await actions(version) == ["version.unpublish"]
    assert [n.kind for n in await Notification.filter(user_id=author.id)] == ["version.unpublished"]
    await session.refresh_from_db()
    assert session.state is SessionState.RUNNING
    # No successor: the scenario has no published version left.
    scenario_id = unpublished.scenario_id  # type: ignore[attr-defined]
    assert not await ScenarioVersion.filter(
        scenario_id=scenario_id, status=VersionStatus.PUBLISHED
    ).exists()

    assert await refused(workflow.unpublish(actor(admin), version.id, SYSTEM, broker=None)) == [
        ("VERSION_IMMUTABLE", "versionId")
    ]
    approved = await a_version(author, VersionStatus.APPROVED)
    assert await refused(workflow.unpublish(actor(admin), approved.id, SYSTEM, broker=None)) == [
        ("STATUS_CONFLICT", "versionId")
    ]


# --- delete -------------------------------------------------------------------------------


async def test_a_draft_no_session_used_is_deleted_with_its_content(author: User) -> None:
    version = await a_version(author, VersionStatus.DRAFT)
    question_ids = await Question.filter(version_id=version.id).values_list("id", flat=True)
    scenario_id = await versions.delete_version(actor(author), version.id, SYSTEM)
    assert scenario_id == version.scenario_id  # type: ignore[attr-defined]
    assert not await ScenarioVersion.filter(id=version.id).exists()
    assert not await Machine.filter(version_id=version.id).exists()
    assert not await Question.filter(version_id=version.id).exists()
    assert not await QuestionAnswerKey.filter(question_id__in=list(question_ids)).exists()
    entry = await AuditLog.get(action="version.delete")
    assert entry.target_id == str(version.id)
    assert entry.actor_id == author.id  # type: ignore[attr-defined]


async def test_delete_refuses_used_reviewed_and_others_versions(author: User, admin: User) -> None:
    rejected = await a_version(author, VersionStatus.REJECTED)
    await factories.session(await factories.user(), rejected)  # a test run, say
    assert await refused(versions.delete_version(actor(author), rejected.id, SYSTEM)) == [
        ("IN_USE", "versionId")
    ]
    submitted = await a_version(author, VersionStatus.SUBMITTED)
    assert await refused(versions.delete_version(actor(admin), submitted.id, SYSTEM)) == [
        ("STATUS_CONFLICT", "versionId")
    ]
    published = await a_version(author, VersionStatus.PUBLISHED)
    assert await refused(versions.delete_version(actor(admin), published.id, SYSTEM)) == [
        ("VERSION_IMMUTABLE", "versionId")
    ]
    draft = await a_version(author, VersionStatus.DRAFT)
    stranger = await factories.user(UserRole.CREATOR)
    assert await refused(versions.delete_version(actor(stranger), draft.id, SYSTEM)) == [
        ("NOT_FOUND", "versionId")
    ]
    assert await ScenarioVersion.filter(id__in=[rejected.id, draft.id]).count() == 2
    assert not await AuditLog.filter(action="version.delete").exists()


# --- duplicate ----------------------------------------------------------------------------


async def test_a_duplicate_copies_everything_into_a_new_scenario_of_the_caller(
    admin: User,
) -> None:
    owner = await factories.user(UserRole.CREATOR)
    source_scenario = await factories.scenario(owner, tags=("sqli", "web"), slug="sqli-lab")
    source = await factories.version(source_scenario, VersionStatus.PUBLISHED)
    await ScenarioVersion.filter(id=source.id).update(
        mission="Do it.",
        solution="Like this.",
        learning_outcomes=["one"],
        scenario_type=ScenarioType.OPEN_LAB,
        hint_mode=HintMode.ENABLED,
        featured=True,
    )

    copy = await duplicates.duplicate_scenario(actor(admin), source.id, SYSTEM)
    scenario = await Scenario.get(id=copy.scenario_id)  # type: ignore[attr-defined]
    assert scenario.id != source_scenario.id
    assert scenario.author_id == admin.id  # type: ignore[attr-defined]
    assert scenario.slug == "sqli-lab-2"
    assert scenario.title == source_scenario.title
    tags = await ScenarioTag.filter(scenario_id=scenario.id).order_by("tag")
    assert [t.tag for t in tags] == ["sqli", "web"]
    copied = await ScenarioVersion.get(id=copy.id)
    assert (copied.number, copied.status) == (1, VersionStatus.DRAFT)
    assert (copied.mission, copied.solution) == ("Do it.", "Like this.")
    assert copied.learning_outcomes == ["one"]
    assert copied.scenario_type is ScenarioType.OPEN_LAB
    assert copied.hint_mode is HintMode.ENABLED
    assert copied.featured  # an admin's copy keeps it
    assert await Machine.filter(version_id=copy.id).count() == 2
    [question] = await Question.filter(version_id=copy.id)
    key = await QuestionAnswerKey.get(question_id=question.id)
    assert key.expected == ["FLAG{0}"]
    entry = await AuditLog.get(action="scenario.duplicate")
    assert entry.target_id == str(scenario.id)
    assert entry.data["source_version_id"] == str(source.id)
    # The source is untouched.
    assert await Machine.filter(version_id=source.id).count() == 2
    assert (await ScenarioVersion.get(id=source.id)).status is VersionStatus.PUBLISHED


async def test_a_creator_duplicates_only_what_they_read_in_full(author: User) -> None:
    own = await factories.version(await factories.scenario(author), VersionStatus.ARCHIVED)
    await ScenarioVersion.filter(id=own.id).update(featured=True)
    copy = await duplicates.duplicate_scenario(actor(author), own.id, SYSTEM, title="My fork")
    assert not (await ScenarioVersion.get(id=copy.id)).featured  # featuring is an admin's
    assert (await Scenario.get(id=copy.scenario_id)).title == "My fork"  # type: ignore[attr-defined]

    published_elsewhere = await a_version(
        await factories.user(UserRole.CREATOR), VersionStatus.PUBLISHED
    )
    assert await refused(
        duplicates.duplicate_scenario(actor(author), published_elsewhere.id, SYSTEM)
    ) == [("NOT_FOUND", "versionId")]
    assert await refused(
        duplicates.duplicate_scenario(actor(author), own.id, SYSTEM, title="abc")
    ) == [("INVALID", "title")]
    assert await Scenario.filter(author_id=author.id).count() == 2

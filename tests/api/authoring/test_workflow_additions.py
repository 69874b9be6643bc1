"""versionWithdraw, versionRevertToDraft, versionUnpublish, versionDelete and
scenarioDuplicate through GraphQL: each rule and each refusal."""

from __future__ import annotations

from rangex_graphql.api.ids import from_global_id
from rangex_graphql.models import AuditLog, Notification, ScenarioVersion, User
from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from tests import factories
from tests.api.authoring.conftest import Authoring, ready_version
from tests.api.graphql import data_of

CATALOG = "{ scenarios(first: 10) { edges { node { slug } } } }"


async def audited(version_id: str, action: str) -> bool:
    _, pk = from_global_id(version_id)
    return await AuditLog.filter(action=action, target_id=pk).exists()


async def approved(authoring: Authoring, creator: User, admin: User) -> tuple[str, str]:
    scenario_id, version_id = await ready_version(authoring, creator)
    await authoring.ok("versionSubmit", creator, versionId=version_id)
    await authoring.ok("versionReview", admin, versionId=version_id, decision="APPROVE")
    return scenario_id, version_id


async def test_the_author_withdraws_a_submission_to_edit_it_again(
    authoring: Authoring, creator: User, admin: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    assert await authoring.refused("versionWithdraw", creator, versionId=version_id) == [
        ("STATUS_CONFLICT", "versionId")
    ]
    await authoring.ok("versionSubmit", creator, versionId=version_id)
    assert await authoring.refused("versionWithdraw", admin, versionId=version_id) == [
        ("AUTHOR_ONLY", "versionId")
    ]
    stranger = await factories.user(UserRole.CREATOR)
    assert await authoring.refused("versionWithdraw", stranger, versionId=version_id) == [
        ("NOT_FOUND", "versionId")
    ]
    withdrawn = await authoring.ok("versionWithdraw", creator, versionId=version_id)
    assert withdrawn["version"]["status"] == "DRAFT"
    await authoring.ok("versionUpdate", creator, versionId=version_id, changelog="Better.")
    assert await audited(version_id, "version.withdraw")


async def test_an_admin_reverts_an_approval_and_the_author_is_told_why(
    authoring: Authoring, creator: User, admin: User, other_admin: User
) -> None:
    _, version_id = await approved(authoring, creator, admin)
    learner = await factories.user()
    assert (
        await authoring.top_level("versionRevertToDraft", creator, versionId=version_id, reason="x")
        == "FORBIDDEN"
    )
    assert (
        await authoring.top_level("versionRevertToDraft", learner, versionId=version_id, reason="x")
        == "FORBIDDEN"
    )
    assert await authoring.refused(
        "versionRevertToDraft", other_admin, versionId=version_id, reason="  "
    ) == [("REQUIRED", "reason")]

    reverted = await authoring.ok(
        "versionRevertToDraft", other_admin, versionId=version_id, reason="Hints are missing."
    )
    assert reverted["version"]["status"] == "DRAFT"
    assert reverted["version"]["rejectionReason"] == "Hints are missing."
    assert await audited(version_id, "version.revert_to_draft")
    note = await Notification.filter(user_id=creator.id, kind="version.reverted").first()
    assert note is not None
    assert note.body == "Hints are missing."
    # A DRAFT again: edited, and not reverted twice.
    await authoring.ok("versionUpdate", creator, versionId=version_id, changelog="With hints.")
    assert await authoring.refused(
        "versionRevertToDraft", other_admin, versionId=version_id, reason="again"
    ) == [("STATUS_CONFLICT", "versionId")]


async def test_unpublishing_takes_the_scenario_out_of_the_catalog(
    authoring: Authoring, creator: User, admin: User
) -> None:
    _, version_id = await approved(authoring, creator, admin)
    assert await authoring.refused("versionUnpublish", admin, versionId=version_id) == [
        ("STATUS_CONFLICT", "versionId")
    ]
    await authoring.ok("versionPublish", creator, versionId=version_id)
    learner = await factories.user()
    listed = await data_of(authoring.settings, CATALOG, as_user=learner)
    assert len(listed["scenarios"]["edges"]) == 1
    _, pk = from_global_id(version_id)
    session = await factories.session(learner, await ScenarioVersion.get(id=pk))

    assert await authoring.top_level("versionUnpublish", creator, versionId=version_id) == (
        "FORBIDDEN"
    )
    unpublished = await authoring.ok("versionUnpublish", admin, versionId=version_id)
    assert unpublished["version"]["status"] == "ARCHIVED"
    assert (await data_of(authoring.settings, CATALOG, as_user=learner))["scenarios"]["edges"] == []
    await session.refresh_from_db()
    assert session.state is SessionState.RUNNING
    assert await audited(version_id, "version.unpublish")
    assert await Notification.filter(user_id=creator.id, kind="version.unpublished").exists()
    assert await authoring.refused("versionUnpublish", admin, versionId=version_id) == [
        ("VERSION_IMMUTABLE", "versionId")
    ]


async def test_delete_takes_only_unused_drafts_and_rejected_versions(
    authoring: Authoring, creator: User, admin: User
) -> None:
    scenario_id, v1 = await ready_version(authoring, creator)
    v2 = (await authoring.ok("versionCreate", creator, scenarioId=scenario_id, copyFrom=v1))[
        "version"
    ]["id"]
    deleted = await authoring.ok("versionDelete", creator, versionId=v2)
    assert deleted["deletedVersionId"] == v2
    assert deleted["scenario"]["versions"] == [{"id": v1}]
    assert await audited(v2, "version.delete")
    assert await authoring.refused("versionDelete", creator, versionId=v2) == [
        ("NOT_FOUND", "versionId")
    ]

    await authoring.ok("versionSubmit", creator, versionId=v1)
    assert await authoring.refused("versionDelete", creator, versionId=v1) == [
        ("STATUS_CONFLICT", "versionId")
    ]
    await authoring.ok("versionReview", admin, versionId=v1, decision="REJECT", reason="Not yet.")
    _, pk = from_global_id(v1)
    await factories.session(creator, await ScenarioVersion.get(id=pk), SessionState.TERMINATED)
    assert await authoring.refused("versionDelete", admin, versionId=v1) == [
        ("IN_USE", "versionId")
    ]
    learner = await factories.user()
    assert await authoring.top_level("versionDelete", learner, versionId=v1) == "FORBIDDEN"
    assert await ScenarioVersion.filter(id=pk, status=VersionStatus.REJECTED).exists()


async def test_a_creator_duplicates_a_version_they_read_in_full(
    authoring: Authoring, creator: User, admin: User
) -> None:
    scenario_id, version_id = await ready_version(authoring, creator)
    source = (
        await data_of(
            authoring.settings,
            "query($id: ID!) { node(id: $id) { ... on Scenario { slug title tags } } }",
            {"id": scenario_id},
            as_user=creator,
        )
    )["node"]
    copy = await authoring.ok("scenarioDuplicate", creator, versionId=version_id)
    assert copy["scenario"]["id"] != scenario_id
    assert copy["scenario"]["slug"] == source["slug"] + "-2"
    assert copy["scenario"]["title"] == source["title"]
    assert copy["scenario"]["tags"] == source["tags"]
    assert copy["scenario"]["author"] == {"username": creator.username}
    assert (copy["version"]["number"], copy["version"]["status"]) == (1, "DRAFT")
    # Whole: machines, questions with their answers, content; it can be submitted as is.
    new_version = copy["version"]["id"]
    content = await data_of(
        authoring.settings,
        """query($id: ID!) { node(id: $id) { ... on ScenarioVersion {
          mission solution machines { name } questions { prompt expectedAnswers } } } }""",
        {"id": new_version},
        as_user=creator,
    )
    assert [m["name"] for m in content["node"]["machines"]] == ["attacker", "web"]
    assert content["node"]["questions"][0]["expectedAnswers"] == ["FLAG{sqli}"]
    await authoring.ok("versionSubmit", creator, versionId=new_version)

    titled = await authoring.ok(
        "scenarioDuplicate", admin, versionId=version_id, title="An admin's fork"
    )
    assert titled["scenario"]["slug"] == "an-admin-s-fork"
    assert titled["scenario"]["author"] == {"username": admin.username}

    stranger = await factories.user(UserRole.CREATOR)
    assert await authoring.refused("scenarioDuplicate", stranger, versionId=version_id) == [
        ("NOT_FOUND", "versionId")
    ]
    assert await authoring.refused(
        "scenarioDuplicate", creator, versionId=version_id, title="abc"
    ) == [("INVALID", "title")]
    learner = await factories.user()
    assert (
        await authoring.top_level("scenarioDuplicate", learner, versionId=version_id) == "FORBIDDEN"
    )
    assert await AuditLog.filter(action="scenario.duplicate").count() == 2

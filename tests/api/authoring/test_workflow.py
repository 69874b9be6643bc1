"""A version walked through every transition, and every forbidden one refused."""

from __future__ import annotations

from typing import Any

from rangex_graphql.api.ids import from_global_id
from rangex_graphql.models import AuditLog, Notification, ScenarioVersion, User
from rangex_graphql.models.enums import UserRole, VersionStatus
from tests import factories
from tests.api.authoring.conftest import (
    CONTENT,
    FLAG_QUESTION,
    SCENARIO,
    TARGET,
    Authoring,
    ready_version,
)
from tests.api.graphql import data_of
from tests.support.images import approve_images

IMMUTABLE = [("VERSION_IMMUTABLE", "versionId")]


async def status_of(version_id: str) -> VersionStatus:
    _, pk = from_global_id(version_id)
    return (await ScenarioVersion.get(id=pk)).status


async def test_a_version_from_draft_to_archived(
    authoring: Authoring, creator: User, admin: User, other_admin: User
) -> None:
    _, v1 = await ready_version(authoring, creator)
    assert await status_of(v1) is VersionStatus.DRAFT

    # Reviewing or publishing a DRAFT: not from this status.
    assert await authoring.refused("versionReview", admin, versionId=v1, decision="APPROVE") == [
        ("STATUS_CONFLICT", "versionId")
    ]
    assert await authoring.refused("versionPublish", creator, versionId=v1) == [
        ("STATUS_CONFLICT", "versionId")
    ]

    submitted = await authoring.ok("versionSubmit", creator, versionId=v1)
    assert submitted["version"]["status"] == "SUBMITTED"
    # Frozen while in review; not submitted twice; not published before approval.
    assert await authoring.refused("versionUpdate", creator, versionId=v1, changelog="x") == [
        ("VERSION_IN_REVIEW", "versionId")
    ]
    assert await authoring.refused("versionSubmit", creator, versionId=v1) == [
        ("STATUS_CONFLICT", "versionId")
    ]
    assert await authoring.refused("versionPublish", admin, versionId=v1) == [
        ("STATUS_CONFLICT", "versionId")
    ]
    # A rejection needs a reason.
    assert await authoring.refused("versionReview", admin, versionId=v1, decision="REJECT") == [
        ("REQUIRED", "reason")
    ]

    rejected = await authoring.ok(
        "versionReview", admin, versionId=v1, decision="REJECT", reason="Add a hint question."
    )
    assert rejected["version"]["status"] == "REJECTED"
    # The author reads why, and who decided, on the version itself.
    review = await data_of(
        authoring.settings,
        """query($id: ID!) { node(id: $id) { ... on ScenarioVersion {
          rejectionReason submittedAt reviewedAt reviewedBy { username } } } }""",
        {"id": v1},
        as_user=creator,
    )
    assert review["node"]["rejectionReason"] == "Add a hint question."
    assert review["node"]["reviewedBy"] == {"username": admin.username}
    assert review["node"]["submittedAt"] is not None
    assert review["node"]["reviewedAt"] is not None
    # REJECTED is edited and submitted again.
    await authoring.ok("versionUpdate", creator, versionId=v1, changelog="With a hint.")
    await authoring.ok("questionAdd", creator, versionId=v1, **{**FLAG_QUESTION, "points": 5})
    assert (await authoring.ok("versionSubmit", creator, versionId=v1))["version"][
        "status"
    ] == "SUBMITTED"

    approved = await authoring.ok("versionReview", other_admin, versionId=v1, decision="APPROVE")
    assert approved["version"]["status"] == "APPROVED"
    assert await authoring.refused("machineAdd", creator, versionId=v1, **TARGET) == [
        ("VERSION_IN_REVIEW", "versionId")
    ]
    assert await authoring.refused(
        "versionReview", admin, versionId=v1, decision="REJECT", reason="late"
    ) == [("STATUS_CONFLICT", "versionId")]

    published = await authoring.ok("versionPublish", creator, versionId=v1)
    assert published["version"]["status"] == "PUBLISHED"
    assert published["archivedVersions"] == []
    assert await authoring.refused("versionPublish", admin, versionId=v1) == IMMUTABLE
    assert await authoring.refused("versionSubmit", creator, versionId=v1) == IMMUTABLE

    archived = await authoring.ok("versionArchive", admin, versionId=v1)
    assert archived["version"]["status"] == "ARCHIVED"
    assert await authoring.refused("versionArchive", admin, versionId=v1) == IMMUTABLE
    assert await authoring.refused("versionPublish", admin, versionId=v1) == IMMUTABLE
    assert (
        await authoring.refused("versionReview", other_admin, versionId=v1, decision="APPROVE")
        == IMMUTABLE
    )

    _, pk = from_global_id(v1)
    actions = [
        a.action
        for a in await AuditLog.filter(target_type="ScenarioVersion", target_id=str(pk)).order_by(
            "created_at"
        )
    ]
    assert actions == [
        "version.create",
        "version.update",  # ready_version's mission and solution
        "version.submit",
        "version.reject",
        "version.update",
        "version.submit",
        "version.approve",
        "version.publish",
        "version.archive",
    ]


async def test_published_and_archived_versions_refuse_every_change(
    authoring: Authoring, creator: User, admin: User, other_admin: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    await approve_images("mariadb:11")
    machine = (
        await authoring.ok(
            "machineAdd",
            creator,
            versionId=version_id,
            name="db",
            role="INTERNAL",
            imageRef="mariadb:11",
        )
    )["machine"]
    question = (await authoring.ok("questionAdd", creator, versionId=version_id, **FLAG_QUESTION))[
        "question"
    ]
    await authoring.ok("versionSubmit", creator, versionId=version_id)
    await authoring.ok("versionReview", admin, versionId=version_id, decision="APPROVE")
    await authoring.ok("versionPublish", admin, versionId=version_id)

    for frozen in ("PUBLISHED", "ARCHIVED"):
        assert await status_of(version_id) is VersionStatus(frozen)
        attempts: list[tuple[str, dict[str, Any], str]] = [
            ("versionUpdate", {"versionId": version_id, "timeLimitMinutes": 90}, "versionId"),
            ("machineAdd", {"versionId": version_id, **TARGET, "name": "web2"}, "versionId"),
            ("machineUpdate", {"machineId": machine["id"], "cpu": 0.25}, "machineId"),
            ("machineRemove", {"machineId": machine["id"]}, "machineId"),
            ("questionAdd", {"versionId": version_id, **FLAG_QUESTION}, "versionId"),
            ("questionUpdate", {"questionId": question["id"], "points": 1}, "questionId"),
            ("questionRemove", {"questionId": question["id"]}, "questionId"),
            (
                "questionReorder",
                {"versionId": version_id, "questionIds": [question["id"]]},
                "versionId",
            ),
            ("versionSubmit", {"versionId": version_id}, "versionId"),
        ]
        for name, input, field in attempts:
            errors = await authoring.refused(name, admin, **input)
            assert errors == [("VERSION_IMMUTABLE", field)], (frozen, name, errors)
        if frozen == "PUBLISHED":
            await authoring.ok("versionArchive", other_admin, versionId=version_id)


async def test_only_another_admin_reviews(
    authoring: Authoring, admin: User, other_admin: User, creator: User
) -> None:
    _, own = await ready_version(authoring, admin)
    await authoring.ok("versionSubmit", admin, versionId=own)
    assert await authoring.refused("versionReview", admin, versionId=own, decision="APPROVE") == [
        ("SELF_REVIEW", "versionId")
    ]
    assert (
        await authoring.top_level("versionReview", creator, versionId=own, decision="APPROVE")
        == "FORBIDDEN"
    )
    assert (await authoring.ok("versionReview", other_admin, versionId=own, decision="APPROVE"))[
        "version"
    ]["status"] == "APPROVED"


async def test_who_may_do_what(
    authoring: Authoring, creator: User, admin: User, other_admin: User
) -> None:
    learner = await factories.user(UserRole.USER)
    stranger = await factories.user(UserRole.CREATOR)
    scenario_id, version_id = await ready_version(authoring, creator)

    # Learners are refused before anything runs; so is everyone not signed in.
    assert await authoring.top_level("scenarioCreate", learner, **SCENARIO) == "FORBIDDEN"
    for name, input in [
        ("versionCreate", {"scenarioId": scenario_id}),
        ("versionSubmit", {"versionId": version_id}),
        ("versionPublish", {"versionId": version_id}),
    ]:
        assert await authoring.top_level(name, learner, **input) == "FORBIDDEN"
        assert await authoring.top_level(name, None, **input) == "UNAUTHENTICATED"
    # Admin-only fields refuse creators, even the author.
    assert await authoring.top_level("versionArchive", creator, versionId=version_id) == (
        "FORBIDDEN"
    )
    # Another creator's scenario does not exist for you.
    not_yours: list[tuple[str, dict[str, Any]]] = [
        ("scenarioUpdate", {"scenarioId": scenario_id, "title": "Mine now!"}),
        ("scenarioDelete", {"scenarioId": scenario_id}),
        ("versionCreate", {"scenarioId": scenario_id}),
        ("versionUpdate", {"versionId": version_id, "changelog": "x"}),
        ("machineAdd", {"versionId": version_id, **TARGET, "name": "web2"}),
        ("questionAdd", {"versionId": version_id, **FLAG_QUESTION}),
        ("versionSubmit", {"versionId": version_id}),
    ]
    for name, arguments in not_yours:
        errors = await authoring.refused(name, stranger, **arguments)
        assert [code for code, _ in errors] == ["NOT_FOUND"], name
    # An admin changes anyone's content and submits it.
    await authoring.ok("versionUpdate", admin, versionId=version_id, timeLimitMinutes=45)
    await authoring.ok("versionSubmit", admin, versionId=version_id)
    await authoring.ok("versionReview", other_admin, versionId=version_id, decision="APPROVE")
    # The author publishes an approved version; a stranger cannot.
    assert [
        c for c, _ in await authoring.refused("versionPublish", stranger, versionId=version_id)
    ] == ["NOT_FOUND"]
    await authoring.ok("versionPublish", creator, versionId=version_id)


async def test_submit_reports_every_problem_with_its_path(
    authoring: Authoring, creator: User
) -> None:
    scenario = (
        await authoring.ok(
            "scenarioCreate",
            creator,
            title="Empty lab",
            description="Nothing in it yet, but long enough.",
            difficulty="EXPERT",
            category="misc",
        )
    )["scenario"]
    version = (await authoring.ok("versionCreate", creator, scenarioId=scenario["id"]))["version"]
    assert await authoring.refused("versionSubmit", creator, versionId=version["id"]) == [
        ("REQUIRED", "machines"),
        ("REQUIRED", "mission"),
        ("REQUIRED", "solution"),
    ]
    await authoring.ok("versionUpdate", creator, versionId=version["id"], **CONTENT)
    await authoring.ok(
        "machineAdd",
        creator,
        versionId=version["id"],
        name="kali",
        role="ATTACKER",
        imageRef="kali:1",
    )
    errors = await authoring.refused("versionSubmit", creator, versionId=version["id"])
    assert errors == [
        ("TARGET_REQUIRED", "machines"),
        ("IMAGE_NOT_APPROVED", "machines.0.imageRef"),
    ]
    # Nothing changed: still a DRAFT, nothing audited for the failed submit.
    assert await status_of(version["id"]) is VersionStatus.DRAFT
    assert not await AuditLog.filter(action="version.submit").exists()


async def test_review_decisions_and_publishing_notify_the_author(
    authoring: Authoring, creator: User, admin: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    await authoring.ok("versionSubmit", creator, versionId=version_id)
    await authoring.ok(
        "versionReview", admin, versionId=version_id, decision="REJECT", reason="Needs a hint."
    )
    await authoring.ok("versionSubmit", creator, versionId=version_id)
    await authoring.ok("versionReview", admin, versionId=version_id, decision="APPROVE")
    await authoring.ok("versionPublish", admin, versionId=version_id)

    notes = await Notification.filter(user_id=creator.id).order_by("created_at")
    assert [n.kind for n in notes] == ["version.rejected", "version.approved", "version.published"]
    assert notes[0].body == "Needs a hint."
    assert "SQL injection 101" in notes[0].title
    _, pk = from_global_id(version_id)
    assert notes[2].data["version_id"] == str(pk)
    assert notes[2].data["version_number"] == 1
    # The reviewer is never notified of their own acts.
    assert not await Notification.filter(user_id=admin.id).exists()
    review = await AuditLog.get(action="version.reject")
    assert review.actor_id == admin.id  # type: ignore[attr-defined]
    assert review.data["reason"] == "Needs a hint."

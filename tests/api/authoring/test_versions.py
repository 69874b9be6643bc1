"""versionCreate (empty, or a deep copy) and versionPublish archiving the previous one."""

from __future__ import annotations

from typing import Any

from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.models import (
    EnvironmentSession,
    Machine,
    Question,
    QuestionAnswerKey,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import SessionState, VersionStatus
from tests import factories
from tests.api.authoring.conftest import Authoring, ready_version

MACHINE_FIELDS = (
    "name",
    "role",
    "image_ref",
    "cpu",
    "memory_mib",
    "entrypoints",
    "environment",
    "network_group",
    "egress",
    "position",
)
QUESTION_FIELDS = ("prompt", "kind", "points", "position", "max_attempts", "choices")


async def content(version_pk: Any) -> dict[str, Any]:
    questions = await Question.filter(version_id=version_pk).order_by("position")
    keys = {
        k.question_id: (k.expected, k.case_sensitive)  # type: ignore[attr-defined]
        for k in await QuestionAnswerKey.filter(question_id__in=[q.id for q in questions])
    }
    return {
        "machines": await Machine.filter(version_id=version_pk)
        .order_by("position")
        .values(*MACHINE_FIELDS),
        "questions": [
            {**{f: getattr(q, f) for f in QUESTION_FIELDS}, "key": keys.get(q.id)}
            for q in questions
        ],
        "ids": {m.id for m in await Machine.filter(version_id=version_pk)}
        | {q.id for q in questions},
    }


async def test_a_deep_copy_copies_machines_questions_and_answer_keys(
    authoring: Authoring, creator: User
) -> None:
    scenario_id, v1 = await ready_version(authoring, creator)
    await authoring.ok("versionUpdate", creator, versionId=v1, timeLimitMinutes=90)
    await authoring.ok(
        "questionAdd",
        creator,
        versionId=v1,
        prompt="Pick one",
        kind="SINGLE_CHOICE",
        points=3,
        choices=["a", "b"],
        expectedAnswers=["b"],
        caseSensitive=True,
    )
    _, v1_pk = from_global_id(v1)
    before = await content(v1_pk)

    copied = await authoring.ok(
        "versionCreate", creator, scenarioId=scenario_id, copyFrom=v1, changelog="Second take"
    )
    version = copied["version"]
    assert (version["number"], version["status"]) == (2, "DRAFT")
    assert (version["timeLimitMinutes"], version["changelog"]) == (90, "Second take")
    _, v2_pk = from_global_id(version["id"])
    after = await content(v2_pk)
    assert after["machines"] == before["machines"]
    assert after["questions"] == before["questions"]
    assert after["questions"][1]["key"] == (["b"], True)
    assert not after["ids"] & before["ids"]  # new rows, not shared ones

    # Editing the copy leaves the source untouched.
    web = await Machine.get(version_id=v2_pk, name="web")
    await authoring.ok("machineRemove", creator, machineId=to_global_id("Machine", web.id))
    first = await Question.get(version_id=v2_pk, position=0)
    await authoring.ok(
        "questionUpdate",
        creator,
        questionId=to_global_id("Question", first.id),
        expectedAnswers=["changed"],
    )
    assert await content(v1_pk) == before

    empty = await authoring.ok("versionCreate", creator, scenarioId=scenario_id)
    assert empty["version"]["number"] == 3
    _, v3_pk = from_global_id(empty["version"]["id"])
    assert not await Machine.filter(version_id=v3_pk).exists()

    other = await factories.scenario(creator)
    foreign = await factories.version(other, VersionStatus.PUBLISHED)
    assert await authoring.refused(
        "versionCreate",
        creator,
        scenarioId=scenario_id,
        copyFrom=to_global_id("ScenarioVersion", foreign.id),
    ) == [("NOT_FOUND", "copyFrom")]


async def test_publishing_archives_the_published_version_and_its_sessions_go_on(
    authoring: Authoring, creator: User, admin: User
) -> None:
    scenario_id, v1 = await ready_version(authoring, creator)
    for step in ("versionSubmit", "versionReview", "versionPublish"):
        extra = {"decision": "APPROVE"} if step == "versionReview" else {}
        await authoring.ok(
            step, admin if step == "versionReview" else creator, versionId=v1, **extra
        )
    _, v1_pk = from_global_id(v1)
    learner = await factories.user()
    session = await factories.session(learner, await ScenarioVersion.get(id=v1_pk))

    v2 = (await authoring.ok("versionCreate", creator, scenarioId=scenario_id, copyFrom=v1))[
        "version"
    ]["id"]
    await authoring.ok("versionSubmit", creator, versionId=v2)
    await authoring.ok("versionReview", admin, versionId=v2, decision="APPROVE")
    published = await authoring.ok("versionPublish", admin, versionId=v2)

    assert published["version"]["status"] == "PUBLISHED"
    assert published["archivedVersions"] == [{"id": v1, "number": 1, "status": "ARCHIVED"}]
    archived = await ScenarioVersion.get(id=v1_pk)
    assert archived.status is VersionStatus.ARCHIVED
    assert archived.archived_at is not None
    assert await ScenarioVersion.filter(status=VersionStatus.PUBLISHED).count() == 1
    still = await EnvironmentSession.get(id=session.id)
    assert still.state is SessionState.RUNNING
    assert still.version_id == v1_pk  # type: ignore[attr-defined]

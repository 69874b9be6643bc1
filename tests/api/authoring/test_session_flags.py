"""Per-session flags through the authoring API: add, update, clear, copy, submit, and the
flags sessions of the published version then get."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from rangex_graphql.api.ids import from_global_id
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import AuditLog, Question, QuestionAnswerKey, ScenarioVersion, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.sessions.answers import submit_answer
from rangex_graphql.services.sessions.flags import FLAG_PATTERN, issue_session_flags
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.authoring.conftest import (
    ATTACKER,
    CONTENT,
    FLAG_QUESTION,
    Authoring,
    gid,
    ready_version,
)
from tests.api.graphql import data_of

PER_SESSION = {
    "prompt": "Read the flag the web server holds.",
    "kind": "FLAG",
    "points": 20,
    "sessionFlagEnv": "WEB_FLAG",
}


def pk(global_id: str) -> UUID:
    return from_global_id(global_id)[1]


async def flag_env(question_id: str) -> str | None:
    row = await Question.get(id=pk(question_id))
    return row.session_flag_env


async def expected(question_id: str) -> list[str]:
    return list((await QuestionAnswerKey.get(question_id=pk(question_id))).expected)


async def add_per_session(authoring: Authoring, author: User, version_id: str) -> str:
    payload = await authoring.ok("questionAdd", author, versionId=version_id, **PER_SESSION)
    question_id: str = payload["question"]["id"]
    return question_id


async def test_add_a_question_with_a_session_flag(authoring: Authoring, creator: User) -> None:
    _, version_id = await ready_version(authoring, creator)
    question_id = await add_per_session(authoring, creator, version_id)

    assert await flag_env(question_id) == "WEB_FLAG"
    assert await expected(question_id) == []
    entry = await AuditLog.get(action="question.add", target_id=str(pk(question_id)))
    assert entry.data["session_flag_env"] == "WEB_FLAG"


async def test_add_refuses_bad_session_flags_and_writes_nothing(
    authoring: Authoring, creator: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    await add_per_session(authoring, creator, version_id)
    before = await Question.all().count()

    async def refused(**changes: Any) -> list[tuple[str, str]]:
        return await authoring.refused(
            "questionAdd", creator, versionId=version_id, **{**PER_SESSION, **changes}
        )

    assert await refused(kind="SHORT_ANSWER", expectedAnswers=["admin"]) == [
        ("INVALID", "sessionFlagEnv")
    ]
    assert await refused(sessionFlagEnv="web_flag") == [("INVALID", "sessionFlagEnv")]
    assert await refused(sessionFlagEnv="9LIVES") == [("INVALID", "sessionFlagEnv")]
    assert await refused(sessionFlagEnv="RANGEX_LEARNER_PASSWORD") == [
        ("INVALID", "sessionFlagEnv")
    ]
    assert await refused(expectedAnswers=["FLAG{static}"]) == [("INVALID", "expectedAnswers")]
    assert await refused() == [("DUPLICATE", "sessionFlagEnv")]
    assert await Question.all().count() == before


async def test_a_blank_variable_on_add_means_none(authoring: Authoring, creator: User) -> None:
    _, version_id = await ready_version(authoring, creator)
    # Without a session flag, the question needs its expected answers as always.
    assert await authoring.refused(
        "questionAdd", creator, versionId=version_id, **{**PER_SESSION, "sessionFlagEnv": " "}
    ) == [("REQUIRED", "expectedAnswers")]
    added = await authoring.ok(
        "questionAdd", creator, versionId=version_id, **{**FLAG_QUESTION, "sessionFlagEnv": ""}
    )
    assert await flag_env(added["question"]["id"]) is None


async def test_update_sets_keeps_and_clears_the_session_flag(
    authoring: Authoring, creator: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    static_id = gid("Question", (await Question.get(version_id=pk(version_id))).id)
    added = await authoring.ok("questionAdd", creator, versionId=version_id, **FLAG_QUESTION)
    question_id: str = added["question"]["id"]

    async def update(**changes: Any) -> dict[str, Any]:
        return await authoring.call("questionUpdate", creator, questionId=question_id, **changes)

    # Turning it on: the static answers must go in the same change.
    refused = await update(sessionFlagEnv="WEB_FLAG")
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("INVALID", "expectedAnswers")]
    assert await flag_env(question_id) is None
    assert (await update(sessionFlagEnv="WEB_FLAG", expectedAnswers=[]))["errors"] == []
    assert (await flag_env(question_id), await expected(question_id)) == ("WEB_FLAG", [])

    # Null leaves it; its own name is no duplicate of itself.
    assert (await update(points=30))["errors"] == []
    assert (await update(sessionFlagEnv="WEB_FLAG"))["errors"] == []
    assert await flag_env(question_id) == "WEB_FLAG"
    assert (await update(sessionFlagEnv="DB_FLAG"))["errors"] == []
    assert await flag_env(question_id) == "DB_FLAG"

    # Another question cannot take it, and a kind without flags cannot keep one.
    other = await authoring.call(
        "questionUpdate",
        creator,
        questionId=static_id,
        sessionFlagEnv="DB_FLAG",
        expectedAnswers=[],
    )
    assert [(e["code"], e["field"]) for e in other["errors"]] == [("DUPLICATE", "sessionFlagEnv")]
    changed_kind = await update(kind="SHORT_ANSWER")
    assert [(e["code"], e["field"]) for e in changed_kind["errors"]] == [
        ("INVALID", "sessionFlagEnv"),
        ("REQUIRED", "expectedAnswers"),
    ]

    # "" clears it; the question then needs expected answers again.
    cleared = await update(sessionFlagEnv="")
    assert [(e["code"], e["field"]) for e in cleared["errors"]] == [("REQUIRED", "expectedAnswers")]
    assert await flag_env(question_id) == "DB_FLAG"
    assert (await update(sessionFlagEnv="", expectedAnswers=["FLAG{x}"]))["errors"] == []
    assert (await flag_env(question_id), await expected(question_id)) == (None, ["FLAG{x}"])
    entries = await AuditLog.filter(action="question.update", target_id=str(pk(question_id)))
    # Every change but the one to the points named the variable.
    assert sorted("session_flag_env" in e.data["fields"] for e in entries) == [False] + [True] * 4


async def test_a_version_copy_keeps_the_session_flag(authoring: Authoring, creator: User) -> None:
    scenario_id, version_id = await ready_version(authoring, creator)
    await add_per_session(authoring, creator, version_id)

    copy = await authoring.ok("versionCreate", creator, scenarioId=scenario_id, copyFrom=version_id)
    rows = (
        await Question.filter(version_id=pk(copy["version"]["id"]))
        .order_by("position")
        .values("session_flag_env")
    )
    assert [row["session_flag_env"] for row in rows] == [None, "WEB_FLAG"]


async def test_submit_needs_a_machine_to_carry_the_flag(
    authoring: Authoring, creator: User
) -> None:
    scenario = (
        await authoring.ok(
            "scenarioCreate",
            creator,
            title="Per-session flags",
            description="Each learner gets a flag of their own.",
            difficulty="BEGINNER",
            category="web",
        )
    )["scenario"]
    version_id = (await authoring.ok("versionCreate", creator, scenarioId=scenario["id"]))[
        "version"
    ]["id"]
    await authoring.ok("machineAdd", creator, versionId=version_id, **ATTACKER)
    await add_per_session(authoring, creator, version_id)
    await authoring.ok("versionUpdate", creator, versionId=version_id, **CONTENT)

    assert await authoring.refused("versionSubmit", creator, versionId=version_id) == [
        ("TARGET_REQUIRED", "machines"),
        ("TARGET_REQUIRED", "questions.0.sessionFlagEnv"),
    ]
    web = {"name": "web", "role": "TARGET", "imageRef": "rangex/dvwa:1.10"}
    env = [{"name": "WEB_FLAG", "value": "FLAG{static}"}]
    machine = await authoring.ok(
        "machineAdd", creator, versionId=version_id, **web, environment=env
    )
    assert await authoring.refused("versionSubmit", creator, versionId=version_id) == [
        ("DUPLICATE", "questions.0.sessionFlagEnv")
    ]
    await authoring.ok("machineUpdate", creator, machineId=machine["machine"]["id"], environment=[])
    submitted = await authoring.ok("versionSubmit", creator, versionId=version_id)
    assert submitted["version"]["status"] == "SUBMITTED"


async def test_each_session_of_the_published_version_gets_its_own_flag(
    authoring: Authoring, creator: User, admin: User, settings: Settings
) -> None:
    _, version_id = await ready_version(authoring, creator)
    question_id = await add_per_session(authoring, creator, version_id)
    await authoring.ok("versionSubmit", creator, versionId=version_id)
    await authoring.ok("versionReview", admin, versionId=version_id, decision="APPROVE")
    await authoring.ok("versionPublish", creator, versionId=version_id)

    learner = await factories.user(UserRole.USER)
    version = pk(version_id)
    row = await ScenarioVersion.get(id=version)
    first, second = [await factories.session(learner, row) for _ in range(2)]
    flags = [await issue_session_flags(s.id, version, settings) for s in (first, second)]

    assert [set(f) for f in flags] == [{"WEB_FLAG"}, {"WEB_FLAG"}]
    assert flags[0]["WEB_FLAG"] != flags[1]["WEB_FLAG"]
    assert all(FLAG_PATTERN.fullmatch(f["WEB_FLAG"]) for f in flags)
    assert await issue_session_flags(first.id, version, settings) == flags[0]

    async def answer(session_id: UUID, flag: str) -> bool:
        result = await submit_answer(
            learner.id,
            session_id,
            pk(question_id),
            [flag],
            settings=settings,
            broker=MemoryBroker(),
            meta=SYSTEM,
        )
        return result.correct

    assert await answer(first.id, flags[1]["WEB_FLAG"]) is False
    assert await answer(first.id, flags[0]["WEB_FLAG"]) is True

    # Learners never see which variable carries it, nor any flag.
    data = await data_of(
        settings,
        "query($id: ID!) { node(id: $id) { ... on Question { prompt kind } } }",
        {"id": question_id},
        as_user=learner,
    )
    assert data["node"] == {"prompt": PER_SESSION["prompt"], "kind": "FLAG"}
